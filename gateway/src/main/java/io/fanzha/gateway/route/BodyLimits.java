package io.fanzha.gateway.route;

import java.util.regex.Pattern;

import io.fanzha.gateway.GatewayConfig;

/**
 * The largest body a request may carry, by class of route: bulk imports and device sync take large files, evidence
 * uploads photos and videos, everything else is JSON (docs/gateway.md, "Body limits").
 */
final class BodyLimits {

    private static final Pattern EVIDENCE = Pattern.compile("^/api/v1/outreach/[^/]+/evidence(/.*)?$");
    private static final Pattern BULK = Pattern.compile(
            "^/api/v1/(outreach/sync|case-reports)/?$|^/api/v1/.+/import/?$");

    private final long json;
    private final long bulk;
    private final long evidence;

    BodyLimits(GatewayConfig.Limits limits) {
        this.json = limits.json().asLongValue();
        this.bulk = limits.bulk().asLongValue();
        this.evidence = limits.evidence().asLongValue();
    }

    long of(String path) {
        if (EVIDENCE.matcher(path).matches()) {
            return evidence;
        }
        return BULK.matcher(path).matches() ? bulk : json;
    }
}
