package io.fanzha.gateway.edge;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * A browser call from an origin not listed in {@code quarkus.http.cors.origins} is refused with a 403 problem
 * ({@code cors.origin-forbidden}) rather than the empty 403 Quarkus' CORS filter gives, so a frontend developer reads
 * why. Listed origins, and the gateway's own, go on to that filter, which answers their preflights.
 */
@ApplicationScoped
public class CorsRejections {

    // After the request id and the security headers, before Quarkus' CORS filter.
    private static final int PRIORITY = SecurityHandlerPriorities.CORS + 50;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> origins;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        String own = ctx.request().scheme() + "://" + ctx.request().authority();
        if (origin == null || allowed(origin) || origin.equals(own)) {
            ctx.next();
            return;
        }
        ctx.request().resume();
        Problems.send(ctx, 403, "cors.origin-forbidden", "Forbidden", "Browser calls from " + origin
                + " are not allowed here; the gateway's operators list the frontends' origins (FANZHA_CORS_ORIGINS).");
    }

    private boolean allowed(String origin) {
        List<String> listed = origins.orElse(List.of());
        return listed.contains("*") || listed.contains(origin);
    }
}
