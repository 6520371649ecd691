package io.fanzha.gateway.edge;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem details in the same shape as the services' problem mappers. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String code, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.closed()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", "urn:fanzha:problem:" + code)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("code", code)
                .put("requestId", RequestIds.of(ctx));
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body.encode());
    }
}
