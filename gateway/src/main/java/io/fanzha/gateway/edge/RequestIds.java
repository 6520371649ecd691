package io.fanzha.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/**
 * The request id that travels in {@code X-Request-Id} to every service and into each log line.
 * Same rules as the services' {@code io.fanzha.platform.request.RequestIds}; the gateway does not
 * depend on {@code platform}, so the few lines are repeated here.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    static final String CONTEXT_KEY = "fanzha.request-id";

    // Accept what a caller sends only if it is short and harmless in a log line.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    public static String acceptOrGenerate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** The id assigned to this request by {@link RequestTracking}. */
    public static String of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }
}
