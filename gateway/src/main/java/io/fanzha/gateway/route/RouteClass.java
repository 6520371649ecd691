package io.fanzha.gateway.route;

import java.util.regex.Pattern;

import io.vertx.core.http.HttpMethod;

/**
 * What kind of request a route serves, for its body limit and its rate limit: evidence uploads, bulk (device sync,
 * case-report pushes, imports), and otherwise JSON reads and writes (docs/gateway.md).
 */
public enum RouteClass {
    EVIDENCE,
    BULK,
    WRITE,
    READ;

    private static final Pattern EVIDENCE_PATH = Pattern.compile("^/api/v1/outreach/[^/]+/evidence(/.*)?$");
    private static final Pattern BULK_PATH = Pattern.compile(
            "^/api/v1/(outreach/sync|case-reports)/?$|^/api/v1/.+/import/?$");

    public static RouteClass of(HttpMethod method, String path) {
        if (EVIDENCE_PATH.matcher(path).matches()) {
            return EVIDENCE;
        }
        if (BULK_PATH.matcher(path).matches() && method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return BULK;
        }
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS ? READ : WRITE;
    }
}
