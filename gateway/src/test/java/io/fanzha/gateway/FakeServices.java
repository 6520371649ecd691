package io.fanzha.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Small HTTP servers standing in for the four services on the ports the gateway was configured
 * with. Each answers with a JSON description of the request it received, so a test can see
 * exactly what the gateway forwarded. A path ending in {@code /never-answers} gets no answer;
 * an {@code X-Fake-Status} header chooses the status; the first request with an {@code X-Fake-Close-Once} mark finds
 * its connection closed. {@code GET /q/openapi} answers a small OpenAPI document of the service's own
 * ({@code fake-openapi/<name>.json}), for the gateway's merged one.
 */
final class FakeServices implements AutoCloseable {

    static final List<String> NAMES = List.of("campaign", "outreach", "casestats", "reporting");

    private static final Set<String> CLOSED_ONCE = ConcurrentHashMap.newKeySet();

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, HttpServer> servers = new HashMap<>();

    static FakeServices start(Config config) {
        FakeServices services = new FakeServices();
        for (String name : NAMES) {
            URI url = config.getValue("fanzha.gateway.services." + name, URI.class);
            services.ports.put(name, url.getPort());
            services.start(name);
        }
        return services;
    }

    void start(String name) {
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> answer(name, request, body)));
        servers.put(name, await(server.listen(ports.get(name), "127.0.0.1")));
    }

    void stop(String name) {
        await(servers.remove(name).close());
    }

    int port(String name) {
        return ports.get(name);
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    private static void answer(String name, HttpServerRequest request, Buffer body) {
        if (request.path().endsWith("/never-answers")) {
            return;
        }
        String closeOnce = request.getHeader("X-Fake-Close-Once");
        if (closeOnce != null && CLOSED_ONCE.add(closeOnce)) {
            // The first attempt with this mark meets a connection closed before any answer (a service restarting).
            request.connection().close();
            return;
        }
        if (request.path().endsWith("/streamed")) {
            // An answer of unknown length, in chunks a moment apart (as a generated export streams).
            HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "text/csv");
            response.write("region,households\n");
            Vertx.currentContext().owner().setTimer(200, ignored -> response.end("341825,49200\n"));
            return;
        }
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(document(name));
            return;
        }
        JsonObject echo = new JsonObject()
                .put("service", name)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("host", request.getHeader("Host"))
                .put("authorization", request.getHeader("Authorization"))
                .put("requestId", request.getHeader("X-Request-Id"))
                .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                .put("forwardedProto", request.getHeader("X-Forwarded-Proto"))
                .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                .put("forwarded", request.getHeader("Forwarded"))
                .put("contentType", request.getHeader("Content-Type"))
                .put("expect", request.getHeader("Expect"))
                .put("hop", request.getHeader("X-Hop"))
                .put("traceparent", request.getHeader("traceparent"))
                .put("tracestate", request.getHeader("tracestate"))
                .put("bodyLength", body.length())
                .put("bodySha256", sha256(body.getBytes()))
                .put("body", body.length() <= 4096 ? body.toString() : null);
        String status = request.getHeader("X-Fake-Status");
        String location = request.getHeader("X-Fake-Location");
        if (location != null) {
            // As a JAX-RS service makes it: absolute, from the Host it was reached at.
            request.response().putHeader("Location", "http://" + request.getHeader("Host") + location);
        }
        request.response()
                // A header for this hop only, as its Connection header says.
                .putHeader("Connection", "X-Internal")
                .putHeader("X-Internal", "the service's own")
                .setStatusCode(status == null ? 200 : Integer.parseInt(status))
                .putHeader("Content-Type", "application/json")
                // The real services echo the id too; the caller must still see it once.
                .putHeader("X-Request-Id", String.valueOf(request.getHeader("X-Request-Id")))
                .end(echo.encode());
    }

    private static Buffer document(String name) {
        try (InputStream in = FakeServices.class.getResourceAsStream("/fake-openapi/" + name + ".json")) {
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
