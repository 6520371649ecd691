package io.fanzha.gateway.route;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.fanzha.gateway.GatewayConfig;

/** The services behind the gateway and the public path prefixes each one owns (docs/gateway.md). */
public enum Upstream {

    CAMPAIGN("campaign-service", List.of("/api/v1/regions", "/api/v1/units", "/api/v1/alliances", "/api/v1/campaigns",
            "/api/v1/messaging-groups")),
    OUTREACH("outreach-service", List.of("/api/v1/outreach", "/api/v1/ledger")),
    CASE_STATS("case-stats-service", List.of("/api/v1/case-reports", "/api/v1/fraud-categories", "/api/v1/cases")),
    REPORTING("reporting-service", List.of("/api/v1/reports"));

    private final String serviceName;
    private final List<String> prefixes;

    Upstream(String serviceName, List<String> prefixes) {
        this.serviceName = serviceName;
        this.prefixes = prefixes;
    }

    public String serviceName() {
        return serviceName;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public URI baseUrl(GatewayConfig.Services services) {
        return switch (this) {
            case CAMPAIGN -> services.campaign();
            case OUTREACH -> services.outreach();
            case CASE_STATS -> services.casestats();
            case REPORTING -> services.reporting();
        };
    }

    /**
     * The service owning a (normalized) path. A prefix matches itself and everything below it,
     * never a longer sibling: {@code /api/v1/cases} does not take {@code /api/v1/cases-archive}.
     */
    public static Optional<Upstream> owning(String path) {
        for (Upstream upstream : values()) {
            for (String prefix : upstream.prefixes) {
                if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                    return Optional.of(upstream);
                }
            }
        }
        return Optional.empty();
    }
}
