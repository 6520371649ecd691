package io.fanzha.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fanzha.gateway.route.Upstream;

class UpstreamTest {

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
        assertEquals(Optional.ofNullable(expected), Upstream.owning(path));
    }
}
