package io.fanzha.gateway.edge;

import io.fanzha.platform.problem.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem details in the shape of platform-core's {@link Problem}, as the services do. */
public final class Problems {

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String code, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.closed()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", Problem.typeOf(code))
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("code", code)
                .put("requestId", RequestTracking.requestId(ctx));
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body.encode());
    }
}
