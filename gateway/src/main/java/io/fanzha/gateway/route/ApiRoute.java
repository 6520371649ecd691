package io.fanzha.gateway.route;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.fanzha.gateway.edge.EdgeAuthentication;
import io.fanzha.gateway.edge.Problems;
import io.fanzha.gateway.edge.RateLimits;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Everything under {@code /api/}: authenticate, then hand the request to the service owning its
 * path prefix. Unknown paths are answered only after authentication, so anonymous callers learn
 * nothing about the route table. {@code /q/*} (health, metrics) is not touched here and stays open.
 */
@ApplicationScoped
public class ApiRoute {

    private final EdgeAuthentication authentication;
    private final RateLimits rateLimits;
    private final Routes routes;
    private final UpstreamProxy proxy;

    ApiRoute(EdgeAuthentication authentication, RateLimits rateLimits, Routes routes, UpstreamProxy proxy) {
        this.authentication = authentication;
        this.rateLimits = rateLimits;
        this.routes = routes;
        this.proxy = proxy;
    }

    void register(@Observes Router router) {
        router.route("/api/*").handler(ctx -> {
            if (authentication.knownCaller(ctx)) {
                route(ctx);
                return;
            }
            // Until its token is verified the caller is its address, which pays for the check: without a token the
            // answer is a 401, and a stream of made-up tokens runs out of budget like a stream of anonymous calls.
            if (rateLimits.admit(ctx, "address " + ctx.request().remoteAddress().hostAddress())) {
                authentication.authenticate(ctx, this::route);
            }
        });
    }

    private void route(RoutingContext ctx) {
        if (!rateLimits.admit(ctx, "subject " + EdgeAuthentication.caller(ctx))) {
            return;
        }
        routes.owning(ctx.normalizedPath()).ifPresentOrElse(
                upstream -> proxy.forward(ctx, upstream),
                () -> {
                    ctx.request().resume();
                    Problems.send(ctx, 404, "route.unknown", "Not Found",
                            "No service answers " + ctx.normalizedPath() + ".");
                });
    }
}
