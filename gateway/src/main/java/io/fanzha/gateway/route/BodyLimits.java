package io.fanzha.gateway.route;

import io.fanzha.gateway.GatewayConfig;
import io.vertx.core.http.HttpMethod;

/**
 * The largest body a request may carry, by class of route: bulk imports and device sync take large files, evidence
 * uploads photos and videos, everything else is JSON (docs/gateway.md, "Body limits").
 */
final class BodyLimits {

    private final long json;
    private final long bulk;
    private final long evidence;

    BodyLimits(GatewayConfig.Limits limits) {
        this.json = limits.json().asLongValue();
        this.bulk = limits.bulk().asLongValue();
        this.evidence = limits.evidence().asLongValue();
    }

    long of(HttpMethod method, String path) {
        return switch (RouteClass.of(method, path)) {
            case EVIDENCE -> evidence;
            case BULK -> bulk;
            case READ, WRITE -> json;
        };
    }
}
