package io.fanzha.gateway.route;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.fanzha.gateway.GatewayConfig;
import io.fanzha.gateway.edge.Problems;
import io.fanzha.gateway.edge.RequestTracking;
import io.fanzha.platform.request.RequestIds;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.Pipe;
import io.vertx.ext.web.RoutingContext;

/**
 * Streams a request to its service and the answer back with the plain Vert.x HTTP client: bodies are
 * piped with back-pressure, never buffered, for any caller (an HTTP/1.0 one too). A service that cannot
 * be reached or stays silent becomes a 502/504 problem.
 * A singleton is built at startup (ApiRoute needs it), so a malformed base URL fails the boot.
 */
@Singleton
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    private static final String VIEW_KEY = "fanzha.forwarding";
    private static final String ABORTED_KEY = "fanzha.aborted";

    // Connection-level headers of one hop (RFC 9110 §7.6.1); the caller's connection has its own.
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    /**
     * One client, and so one connection pool, per event loop: a request then goes out on a connection of the thread
     * it came in on. With one shared pool, a request from one event loop was mostly sent on a connection of another,
     * and every step of the exchange crossed threads (docs/benchmarks.md, "The gateway's price").
     */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<Upstream, Origin> origins = new EnumMap<>(Upstream.class);
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;
    private final long bulkResponseTimeoutMillis;
    private final Breakers breakers;
    private final Retries retries;
    private final BodyLimits limits;
    private final Forwarding forwarding;

    UpstreamProxy(Vertx vertx, GatewayConfig config, Routes routes) {
        for (Upstream upstream : Upstream.values()) {
            Origin origin = Origin.of(upstream, upstream.baseUrl(config.services()));
            origins.put(upstream, origin);
            LOG.infof("Routing %s to %s at %s", String.join(", ", routes.of(upstream)), upstream.serviceName(), origin);
        }
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
        this.responseTimeoutMillis = config.responseTimeout().toMillis();
        this.bulkResponseTimeoutMillis = config.bulkResponseTimeout().toMillis();
        this.breakers = new Breakers(config.breaker());
        this.retries = new Retries(config.retry());
        this.limits = new BodyLimits(config.limits());
        this.forwarding = new Forwarding(config.trustedProxies().orElse(List.of()));
        this.vertx = vertx;
        // Bodies pass through as they are; the services and the caller negotiate compression.
        this.clientOptions = new HttpClientOptions().setConnectTimeout((int) connectTimeoutMillis)
                .setDecompressionSupported(false);
        this.poolOptions = new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService());
    }

    @PreDestroy
    void close() {
        retries.close();
        clients.values().forEach(HttpClient::close);
    }

    /** The client of the calling event loop (route handlers run on one). */
    private HttpClient client() {
        return clients.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(clientOptions, poolOptions));
    }

    public void forward(RoutingContext ctx, Upstream upstream) {
        ctx.put(RequestTracking.UPSTREAM_KEY, upstream.serviceName());
        Origin origin = origins.get(upstream);
        HttpServerRequest request = ctx.request();
        long limit = limits.of(request.method(), ctx.normalizedPath());
        if (declaredLength(request) > limit) {
            // Refused before a byte of the body is read (an Expect: 100-continue is never answered with 100).
            tooLarge(ctx, limit);
            return;
        }
        CircuitBreaker breaker = breakers.of(upstream);
        if (!breaker.tryAcquirePermission()) {
            request.resume();
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(breakers.retryAfterSeconds()));
            Problems.send(ctx, 503, "upstream.circuit-open", "Service Unavailable", upstream.serviceName()
                    + " could not be reached too often of late; the gateway sends it no requests for a while.");
            return;
        }
        long started = System.nanoTime();
        RouteClass routeClass = RouteClass.of(request.method(), ctx.normalizedPath());
        long timeout = routeClass == RouteClass.BULK || routeClass == RouteClass.EVIDENCE ? bulkResponseTimeoutMillis
                : responseTimeoutMillis;
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                // The path the route was chosen on (dot segments resolved), with the query as sent.
                .setURI(origin.basePath() + ctx.normalizedPath() + (query == null ? "" : "?" + query))
                .setHost(origin.host())
                .setPort(origin.port())
                .setSsl(origin.ssl())
                .setConnectTimeout(connectTimeoutMillis)
                .setHeaders(forwardedHeaders(ctx, request, view(ctx, request)));
        if (Retries.replayable(request.method(), hasBody(request))) {
            forwardReplayable(ctx, upstream, breaker, options, timeout, started);
            return;
        }
        client().request(options).onComplete(created -> {
            if (created.failed()) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, created.cause());
                request.resume();
                fail(ctx, upstream, created.cause());
                return;
            }
            HttpClientRequest toService = created.result();
            if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
                toService.setChunked(true);
            }
            if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
                // The caller is authenticated and routed: let it send the body now, which streams on as it comes.
                request.response().writeContinue();
            }
            // The clock starts once the caller's body is in, so slow uploads are not cut off.
            request.end().onComplete(ignored -> toService.idleTimeout(timeout));
            toService.response().onComplete(answered -> {
                long took = System.nanoTime() - started;
                if (answered.succeeded()) {
                    // Any answer, an error too, shows the service reachable.
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                    relay(ctx, upstream, answered.result());
                } else if (ctx.get(ABORTED_KEY) != null) {
                    // Cut off on the caller's side (a body over its limit, or broken off): nothing about the service.
                    breaker.releasePermission();
                } else {
                    breaker.onError(took, TimeUnit.NANOSECONDS, answered.cause());
                    fail(ctx, upstream, answered.cause());
                }
            });
            stream(ctx, request, toService, limit);
        });
    }

    /** A GET or HEAD without a body: sent whole, and once more if the first attempt never reached the service. */
    private void forwardReplayable(RoutingContext ctx, Upstream upstream, CircuitBreaker breaker, RequestOptions options,
            long timeout, long started) {
        ctx.request().resume();
        Context context = Vertx.currentContext();
        retries.<HttpClientResponse> run(() -> {
            // Each attempt starts on the caller's context, so the answer is handled there too.
            Promise<HttpClientResponse> attempt = Promise.promise();
            // The answer is paused until relayed: its body must not flow before the pipe is there to take it.
            context.runOnContext(ignored -> client().request(options)
                    .compose(toService -> toService.idleTimeout(timeout).send())
                    .map(HttpClientResponse::pause)
                    .onComplete(attempt));
            return attempt.future().toCompletionStage();
        }).whenComplete((answer, failure) -> context.runOnContext(ignored -> {
            long took = System.nanoTime() - started;
            if (failure == null) {
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                relay(ctx, upstream, answer);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                breaker.onError(took, TimeUnit.NANOSECONDS, cause);
                fail(ctx, upstream, cause);
            }
        }));
    }

    private static boolean hasBody(HttpServerRequest request) {
        return declaredLength(request) > 0 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /**
     * Pipes the caller's body to the service with back-pressure, counting it: a body of undeclared length (chunked)
     * that goes over the limit is cut off, the service's request reset and the caller answered 413.
     */
    private static void stream(RoutingContext ctx, HttpServerRequest request, HttpClientRequest toService, long limit) {
        long[] received = { 0 };
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] > limit) {
                request.handler(null);
                if (!toService.response().isComplete()) {
                    toService.reset();
                }
                tooLarge(ctx, limit);
                return;
            }
            toService.write(chunk);
            if (toService.writeQueueFull()) {
                request.pause();
                toService.drainHandler(ignored -> request.resume());
            }
        });
        request.endHandler(ignored -> toService.end());
        request.exceptionHandler(failure -> {
            // The caller's body broke off (the caller's doing, not the service's). Reset only while no answer has
            // arrived: Vert.x closes the whole connection on a reset, and after an answer that connection may already
            // serve another request.
            ctx.put(ABORTED_KEY, true);
            if (!toService.response().isComplete()) {
                toService.reset();
            }
        });
        request.resume();
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** 413 problem; the rest of the body is not read, so the connection cannot carry another request. */
    private static void tooLarge(RoutingContext ctx, long limit) {
        ctx.put(ABORTED_KEY, true);
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        ctx.addEndHandler(ignored -> ctx.request().connection().close());
        Problems.send(ctx, 413, "request.too-large", "Payload Too Large",
                "This route takes bodies of at most " + limit + " bytes.");
    }

    /**
     * The caller's headers less the hop-by-hop ones (and those its {@code Connection} names), plus the forwarding
     * headers, the request id and the trace context.
     */
    private static MultiMap forwardedHeaders(RoutingContext ctx, HttpServerRequest request, Forwarding.View view) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Set<String> hopByHop = hopByHop(request.headers());
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            // The service sees its own Host; Expect is answered here; the forwarding headers and the trace context
            // are the gateway's to set.
            if (!hopByHop.contains(name) && !name.equals("host") && !name.equals("expect")
                    && !Forwarding.HEADERS.contains(name)
                    && !name.equals(TraceContext.TRACEPARENT) && !name.equals(TraceContext.TRACESTATE)) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        TraceContext.passOn(request.headers(), headers);
        Forwarding.apply(view, headers);
        headers.set(RequestIds.HEADER, RequestTracking.requestId(ctx));
        return headers;
    }

    /** The caller's view of the exchange, kept on the context for the answer's addresses. */
    private Forwarding.View view(RoutingContext ctx, HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String authority = request.authority() == null ? null : request.authority().toString();
        Forwarding.View view = forwarding.of(peer, request.scheme(), authority, request.headers());
        ctx.put(VIEW_KEY, view);
        return view;
    }

    /**
     * Streams the service's answer to the caller. If that fails (mostly a caller hanging up as soon as it
     * has read the answer), the service's request is not reset: Vert.x closes the whole connection on a
     * reset, and once the answer has ended the pool may have given that connection to another caller's
     * request, which would then fail with a 502 (seen under load with vertx-http-proxy, which does reset).
     */
    private void relay(RoutingContext ctx, Upstream upstream, HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(answer.statusCode());
        Set<String> hopByHop = hopByHop(answer.headers());
        String internal = origins.get(upstream).url();
        answer.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (hopByHop.contains(name)) {
                return;
            }
            String value = header.getValue();
            Forwarding.View view = ctx.get(VIEW_KEY);
            if ((name.equals("location") || name.equals("content-location")) && value.startsWith(internal)
                    && !view.host().isEmpty()) {
                // The service names itself by the address the gateway reached it at: the caller sees the gateway's.
                value = view.base() + value.substring(internal.length());
            }
            response.headers().add(header.getKey(), value);
        });
        boolean hasBody = ctx.request().method() != HttpMethod.HEAD && answer.statusCode() != 204
                && answer.statusCode() != 304;
        if (hasBody && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            if (ctx.request().version() == HttpVersion.HTTP_1_0) {
                // An HTTP/1.0 caller cannot read chunks: the answer streams as it comes and ends with the connection,
                // even if the caller asked to keep it (Vert.x would promise keep-alive: the last word is ours).
                ctx.addHeadersEndHandler(ignored -> response.headers().set(HttpHeaders.CONNECTION, HttpHeaders.CLOSE));
                ctx.addEndHandler(ignored -> ctx.request().connection().close());
            } else {
                response.setChunked(true);
            }
        }
        Pipe<Buffer> pipe = answer.pipe();
        pipe.endOnFailure(false);
        pipe.to(response).onFailure(failure -> {
            // Drain whatever the service still sends, so its connection ends the exchange cleanly.
            if (!answer.end().isComplete()) {
                answer.handler(ignored -> { }).resume();
            }
            if (!response.ended() && !response.closed()) {
                fail(ctx, upstream, failure);
            }
            LOG.debugf("Answer of %s not fully relayed: %s", upstream.serviceName(), failure);
        });
    }

    /** The hop-by-hop headers of a message: the standard ones and any its {@code Connection} header names. */
    private static Set<String> hopByHop(MultiMap headers) {
        List<String> connection = headers.getAll(HttpHeaders.CONNECTION);
        if (connection.isEmpty()) {
            return HOP_BY_HOP;
        }
        Set<String> names = new HashSet<>(HOP_BY_HOP);
        for (String value : connection) {
            for (String token : value.split(",")) {
                names.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
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
