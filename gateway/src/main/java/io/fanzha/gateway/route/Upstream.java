package io.fanzha.gateway.route;

import java.net.URI;
import java.util.List;

import io.fanzha.gateway.GatewayConfig;

/** The services behind the gateway; the path prefixes each one owns are configuration ({@link Routes}). */
public enum Upstream {

    CAMPAIGN("campaign-service"),
    OUTREACH("outreach-service"),
    CASE_STATS("case-stats-service"),
    REPORTING("reporting-service");

    private final String serviceName;

    Upstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public List<String> prefixes(GatewayConfig.Routes routes) {
        return switch (this) {
            case CAMPAIGN -> routes.campaign();
            case OUTREACH -> routes.outreach();
            case CASE_STATS -> routes.casestats();
            case REPORTING -> routes.reporting();
        };
    }

    public URI baseUrl(GatewayConfig.Services services) {
        return switch (this) {
            case CAMPAIGN -> services.campaign();
            case OUTREACH -> services.outreach();
            case CASE_STATS -> services.casestats();
            case REPORTING -> services.reporting();
        };
    }
}
