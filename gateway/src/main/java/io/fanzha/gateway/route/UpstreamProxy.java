package io.fanzha.gateway.route;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.fanzha.gateway.GatewayConfig;
import io.fanzha.gateway.edge.Problems;
import io.fanzha.gateway.edge.RequestIds;
import io.fanzha.gateway.edge.RequestTracking;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyRequest;

/**
 * Streams a request to its service and the answer back (vertx-http-proxy's request/response
 * primitives: bodies are piped with back-pressure, never buffered, so uploads have no size limit
 * here). A service that cannot be reached or stays silent becomes a 502/504 problem.
 * A singleton is built at startup (ApiRoute needs it), so a malformed base URL fails the boot.
 */
@Singleton
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    private final HttpClient client;
    private final Map<Upstream, Origin> origins = new EnumMap<>(Upstream.class);
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;

    UpstreamProxy(Vertx vertx, GatewayConfig config) {
        for (Upstream upstream : Upstream.values()) {
            Origin origin = Origin.of(upstream, upstream.baseUrl(config.services()));
            origins.put(upstream, origin);
            LOG.infof("Routing %s to %s at %s", String.join(", ", upstream.prefixes()), upstream.serviceName(), origin);
        }
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
        this.responseTimeoutMillis = config.responseTimeout().toMillis();
        // Bodies pass through as they are; the services and the caller negotiate compression.
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) connectTimeoutMillis).setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public void forward(RoutingContext ctx, Upstream upstream) {
        ctx.put(RequestTracking.UPSTREAM_KEY, upstream.serviceName());
        Origin origin = origins.get(upstream);
        HttpServerRequest request = ctx.request();
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);

        // Forward the path the route was chosen on (dot segments resolved), with the query as sent.
        String query = request.query();
        proxyRequest.setURI(origin.basePath() + ctx.normalizedPath() + (query == null ? "" : "?" + query));
        // The service sees its own host; the caller's goes in X-Forwarded-Host.
        proxyRequest.setAuthority(HostAndPort.create(origin.host(), origin.port()));
        addForwardedHeaders(proxyRequest, request);
        proxyRequest.putHeader(RequestIds.HEADER, RequestIds.of(ctx));
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            // The caller is authenticated and routed, so let it send the body now; the service
            // gets a plain request and the body as it streams in.
            proxyRequest.headers().remove(HttpHeaders.EXPECT);
            request.response().writeContinue();
        }

        RequestOptions options = new RequestOptions()
                .setHost(origin.host())
                .setPort(origin.port())
                .setSsl(origin.ssl())
                .setConnectTimeout(connectTimeoutMillis);
        client.request(options)
                .compose(clientRequest -> {
                    // The clock starts once the caller's body is in, so slow uploads are not cut off.
                    request.end().onComplete(ignored -> clientRequest.idleTimeout(responseTimeoutMillis));
                    return proxyRequest.send(clientRequest);
                })
                .onSuccess(proxyResponse -> proxyResponse.send().onFailure(failure -> fail(ctx, upstream, failure)))
                .onFailure(failure -> {
                    proxyRequest.release();
                    fail(ctx, upstream, failure);
                });
    }

    private static void addForwardedHeaders(ProxyRequest proxyRequest, HttpServerRequest request) {
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        proxyRequest.putHeader("X-Forwarded-For", forwardedFor == null || forwardedFor.isBlank() ? client : forwardedFor + ", " + client);
        proxyRequest.putHeader("X-Forwarded-Proto", request.scheme());
        if (request.authority() != null) {
            proxyRequest.putHeader("X-Forwarded-Host", request.authority().toString());
        }
    }

    private static void fail(RoutingContext ctx, Upstream upstream, Throwable failure) {
        if (ctx.response().headWritten()) {
            // The answer was already streaming: all that is left is to cut it, so the caller sees it is incomplete.
            LOG.warnf("Answer from %s cut short: %s", upstream.serviceName(), failure.toString());
            ctx.response().reset();
            return;
        }
        if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException) {
            LOG.warnf("%s timed out: %s", upstream.serviceName(), failure.toString());
            Problems.send(ctx, 504, "upstream.timeout", "Gateway Timeout",
                    upstream.serviceName() + " did not answer in time.");
        } else {
            LOG.warnf("%s unavailable: %s", upstream.serviceName(), failure.toString());
            Problems.send(ctx, 502, "upstream.unavailable", "Bad Gateway",
                    upstream.serviceName() + " is not reachable right now.");
        }
    }
}
