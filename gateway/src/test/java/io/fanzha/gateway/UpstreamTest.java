package io.fanzha.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fanzha.gateway.route.Routes;
import io.fanzha.gateway.route.Upstream;

class UpstreamTest {

    /** The table application.properties gives (the defaults of GatewayConfig.Routes). */
    static final Routes DEFAULTS = Routes.of(Map.of(
            Upstream.CAMPAIGN, List.of("/api/v1/regions", "/api/v1/units", "/api/v1/alliances", "/api/v1/campaigns",
                    "/api/v1/messaging-groups"),
            Upstream.OUTREACH, List.of("/api/v1/outreach", "/api/v1/ledger"),
            Upstream.CASE_STATS, List.of("/api/v1/case-reports", "/api/v1/fraud-categories", "/api/v1/cases"),
            Upstream.REPORTING, List.of("/api/v1/reports")));

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {
            "/api/v1/regions, CAMPAIGN",
            "/api/v1/regions/, CAMPAIGN",
            "/api/v1/regions/341825/children, CAMPAIGN",
            "/api/v1/campaigns/7/goals, CAMPAIGN",
            "/api/v1/messaging-groups, CAMPAIGN",
            "/api/v1/alliances/5, CAMPAIGN",
            "/api/v1/outreach/sync, OUTREACH",
            "/api/v1/ledger, OUTREACH",
            "/api/v1/cases, CASE_STATS",
            "/api/v1/case-reports/audit, CASE_STATS",
            "/api/v1/fraud-categories, CASE_STATS",
            "/api/v1/reports/bulletins, REPORTING",
            "/api/v1/regionsx, none",
            "/api/v1/cases-archive, none",
            "/api/v1, none",
            "/api/v2/regions, none",
            "/q/health, none"})
    void aPrefixOwnsItselfAndWhatIsBelowIt(String path, Upstream expected) {
        assertEquals(Optional.ofNullable(expected), DEFAULTS.owning(path));
    }

    @Test
    void theLongestPrefixWinsAndABadTableFailsTheStart() {
        Routes routes = Routes.of(Map.of(Upstream.REPORTING, List.of("/api/v1/reports"),
                Upstream.CASE_STATS, List.of("/api/v1/reports/case-figures/")));
        assertEquals(Optional.of(Upstream.CASE_STATS), routes.owning("/api/v1/reports/case-figures/2024"));
        assertEquals(Optional.of(Upstream.REPORTING), routes.owning("/api/v1/reports/coverage/341825"));
        assertThrows(IllegalArgumentException.class, () -> Routes.of(Map.of(Upstream.CAMPAIGN, List.of("/regions"))));
        assertThrows(IllegalArgumentException.class, () -> Routes.of(Map.of(Upstream.CAMPAIGN, List.of("/api/v1/x"),
                Upstream.OUTREACH, List.of("/api/v1/x/"))));
    }
}
