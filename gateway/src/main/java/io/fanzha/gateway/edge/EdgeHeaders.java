package io.fanzha.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.fanzha.gateway.GatewayConfig;
import io.fanzha.gateway.openapi.SwaggerUiPolicy;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every answer, the services' and the gateway's own alike (docs/gateway.md): no content-type
 * sniffing and no referrer anywhere; an API answer is never stored by a cache (unless its service says otherwise),
 * never framed and loads nothing. Swagger UI's pages get a policy of their own ({@link SwaggerUiPolicy}).
 */
@ApplicationScoped
public class EdgeHeaders {

    // Beside the request id, before authentication: a 401 carries them too.
    private static final int PRIORITY = SecurityHandlerPriorities.CORS + 90;

    private final String swaggerUiPolicy;

    EdgeHeaders(GatewayConfig config) {
        this.swaggerUiPolicy = SwaggerUiPolicy.of(config.openapi().authServerUrl());
    }

    void register(@Observes Filters filters) {
        filters.register(this::secure, PRIORITY);
    }

    private void secure(RoutingContext ctx) {
        boolean api = ctx.request().path().startsWith("/api/");
        boolean swaggerUi = SwaggerUiPolicy.covers(ctx.normalizedPath());
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            if (api) {
                if (!headers.contains("Cache-Control")) {
                    headers.set("Cache-Control", "no-store");
                }
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                headers.set("X-Frame-Options", "DENY");
            }
            if (swaggerUi) {
                headers.set("Content-Security-Policy", swaggerUiPolicy);
            }
        });
        ctx.next();
    }
}
