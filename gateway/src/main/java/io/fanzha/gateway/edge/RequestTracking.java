package io.fanzha.gateway.edge;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.fanzha.platform.request.RequestIds;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} or a new UUID), returns it on the
 * response and writes one access log line when the response is done.
 */
@ApplicationScoped
public class RequestTracking {

    /** Routing-context key under which the proxy records the service a request went to. */
    public static final String UPSTREAM_KEY = "fanzha.upstream";

    private static final String REQUEST_ID_KEY = "fanzha.request-id";

    private static final Logger ACCESS = Logger.getLogger("io.fanzha.gateway.access");

    // Before authentication, so that 401 answers carry the id and are logged too.
    private static final int PRIORITY = SecurityHandlerPriorities.CORS + 100;

    void register(@Observes Filters filters) {
        filters.register(this::track, PRIORITY);
    }

    private void track(RoutingContext ctx) {
        long start = System.nanoTime();
        HttpServerRequest request = ctx.request();
        String id = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        ctx.put(REQUEST_ID_KEY, id);
        MDC.put(RequestIds.MDC_KEY, id);
        // Set last, so a service's own echo of the id never doubles the header.
        ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(RequestIds.HEADER, id));
        ctx.addEndHandler(ignored -> log(ctx, id, start));
        ctx.next();
    }

    /** The id this filter gave the request (the rules are the services' own, from platform-core). */
    public static String requestId(RoutingContext ctx) {
        return ctx.get(REQUEST_ID_KEY);
    }

    private static void log(RoutingContext ctx, String id, long start) {
        HttpServerRequest request = ctx.request();
        // Health probes and metric scrapes every few seconds would drown the interesting lines.
        Logger.Level level = request.path().startsWith("/q/") ? Logger.Level.DEBUG : Logger.Level.INFO;
        if (!ACCESS.isEnabled(level)) {
            return;
        }
        String upstream = ctx.get(UPSTREAM_KEY, "-");
        int status = ctx.response().closed() && !ctx.response().ended() ? 0 : ctx.response().getStatusCode();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // Concatenated, not logf: its java.util.Formatter cost more than a tenth of the gateway's time on a read.
        ACCESS.log(level, request.method() + " " + request.path() + " " + status + " " + millis + "ms request=" + id
                + " upstream=" + upstream);
    }
}
