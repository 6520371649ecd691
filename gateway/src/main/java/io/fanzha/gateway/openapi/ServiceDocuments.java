package io.fanzha.gateway.openapi;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fanzha.gateway.GatewayConfig;
import io.fanzha.gateway.route.Origin;
import io.fanzha.gateway.route.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Fetches each service's own OpenAPI document ({@code <base URL>/q/openapi?format=json}) with the Vert.x client, so
 * no thread waits for it; reading it is left to a worker ({@link #read}).
 */
@Singleton
public class ServiceDocuments {

    /** Far above any service's document (a few hundred KB), far below what would strain the gateway's heap. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final Map<Upstream, Origin> origins = new EnumMap<>(Upstream.class);
    private final long timeoutMillis;

    ServiceDocuments(Vertx vertx, GatewayConfig config) {
        for (Upstream upstream : Upstream.values()) {
            origins.put(upstream, Origin.of(upstream, upstream.baseUrl(config.services())));
        }
        this.timeoutMillis = config.openapi().fetchTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The body of a service's document; a failed future if it cannot be reached or does not answer 200. */
    Future<Buffer> fetch(Upstream upstream) {
        Origin origin = origins.get(upstream);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(origin.host())
                .setPort(origin.port()).setSsl(origin.ssl()).setURI(origin.basePath() + "/q/openapi?format=json")
                .putHeader(HttpHeaders.ACCEPT, "application/json").setIdleTimeout(timeoutMillis);
        return client.request(options).compose(HttpClientRequest::send).compose(answer -> {
            if (answer.statusCode() != 200) {
                return answer.body().transform(ignored -> Future.failedFuture(
                        "GET " + origin + "/q/openapi answered " + answer.statusCode()));
            }
            String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > MAX_BYTES) {
                answer.request().reset();
                return Future.failedFuture("its document is larger than " + MAX_BYTES + " bytes");
            }
            return answer.body();
        });
    }

    /** A service's document, read; fails unless it is a JSON object of OpenAPI 3.0 (the version the merge speaks). */
    static ObjectNode read(Buffer body) {
        if (body.length() > MAX_BYTES) {
            throw new IllegalArgumentException("its document is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode document;
        try {
            document = MAPPER.readTree(body.getBytes());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("its document is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("its document cannot be read: " + e.getMessage(), e);
        }
        if (!(document instanceof ObjectNode object) || !object.path("openapi").asText("").startsWith("3.0.")) {
            throw new IllegalArgumentException("its document is not an OpenAPI 3.0 document");
        }
        return object;
    }
}
