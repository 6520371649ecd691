package io.fanzha.gateway.openapi;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.fanzha.gateway.GatewayConfig;
import io.fanzha.gateway.edge.Problems;
import io.fanzha.gateway.route.Routes;
import io.fanzha.gateway.route.Upstream;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /q/openapi}: the services' documents merged into one, for client generators and Swagger UI. JSON for
 * {@code ?format=json} or {@code Accept: application/json}, YAML otherwise, as each service's own {@code /q/openapi}
 * answers. Open like the rest of {@code /q/*}: the document is public, the operations it describes are not.
 */
@ApplicationScoped
public class OpenApiRoute {

    static final String PATH = "/q/openapi";

    private static final Logger LOG = Logger.getLogger(OpenApiRoute.class);

    enum Format {
        JSON("application/json;charset=UTF-8"),
        YAML("application/yaml;charset=UTF-8");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        /** The format asked for: the parameter first, else the Accept header; empty for a format there is not. */
        static Optional<Format> of(String parameter, String accept) {
            if (parameter == null) {
                return Optional.of(accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json")
                        ? JSON : YAML);
            }
            return switch (parameter.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> Optional.of(JSON);
                case "yaml", "yml" -> Optional.of(YAML);
                default -> Optional.empty();
            };
        }
    }

    private final ApiDocumentCache document;

    OpenApiRoute(Vertx vertx, GatewayConfig config, Routes routes, ServiceDocuments services) {
        GatewayConfig.OpenApi settings = config.openapi();
        DocumentMerger merger = new DocumentMerger(routes, settings.authServerUrl(), settings.serverUrl());
        // Reading, merging and writing a few hundred KB of JSON is no work for an event loop.
        this.document = new ApiDocumentCache(services::fetch, task -> vertx.executeBlocking(task, false), merger,
                settings.refresh(), System::nanoTime);
    }

    void register(@Observes Router router) {
        router.route(PATH).handler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            Problems.send(ctx, 405, "method.not-allowed", "Method Not Allowed", PATH + " answers GET and HEAD only.");
            return;
        }
        Optional<Format> format = Format.of(ctx.request().getParam("format"), ctx.request().getHeader(HttpHeaders.ACCEPT));
        if (format.isEmpty()) {
            Problems.send(ctx, 400, "openapi.format-unknown", "Bad Request", "format is json or yaml (without it, "
                    + "Accept: application/json gives JSON and anything else YAML).");
            return;
        }
        // The merge may end on a worker or another request's event loop: answer on this request's own.
        Context context = Vertx.currentContext();
        document.get().onComplete(merged -> context.runOnContext(ignored -> send(ctx, format.get(), merged)));
    }

    private static void send(RoutingContext ctx, Format format, AsyncResult<MergedDocument> merged) {
        if (merged.failed()) {
            LOG.error("The services' OpenAPI documents could not be merged", merged.cause());
            Problems.send(ctx, 500, "openapi.merge-failed", "Internal Server Error",
                    "The services' OpenAPI documents could not be merged; the gateway's log says why.");
            return;
        }
        MergedDocument document = merged.result();
        if (document.empty()) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "10");
            Problems.send(ctx, 503, "openapi.unavailable", "Service Unavailable", "No service's OpenAPI document "
                    + "could be fetched just now (" + String.join(", ", document.missing().stream()
                            .map(Upstream::serviceName).toList()) + "); try again shortly.");
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, format.mediaType).putHeader(HttpHeaders.VARY, "Accept")
                .end(Buffer.buffer(format == Format.JSON ? document.json() : document.yaml()));
    }
}
