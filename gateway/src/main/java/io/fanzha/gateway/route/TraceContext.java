package io.fanzha.gateway.route;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.vertx.core.MultiMap;

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/) at the edge: the gateway is a hop of the trace, so it passes
 * the caller's trace on with a parent id of its own, or starts a trace when the caller sent none (or one that does not
 * parse, which the specification says to discard, with its {@code tracestate}).
 */
final class TraceContext {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    /** Version 00: trace id (32 hex, not all zero), parent id (16 hex, not all zero), flags (2 hex). */
    private static final Pattern VERSION_00 = Pattern.compile(
            "00-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-([0-9a-f]{2})");
    private static final HexFormat HEX = HexFormat.of();

    private TraceContext() {
    }

    static void passOn(MultiMap from, MultiMap to) {
        String traceparent = from.get(TRACEPARENT);
        var parsed = traceparent == null ? null : VERSION_00.matcher(traceparent.trim());
        if (parsed != null && parsed.matches()) {
            to.set(TRACEPARENT, "00-" + parsed.group(1) + "-" + randomHex(8) + "-" + parsed.group(2));
            String state = from.get(TRACESTATE);
            if (state != null) {
                to.set(TRACESTATE, state);
            }
        } else {
            to.set(TRACEPARENT, "00-" + randomHex(16) + "-" + randomHex(8) + "-01");
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (isZero(random));
        return HEX.formatHex(random);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
