package io.fanzha.gateway.health;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.fanzha.gateway.GatewayConfig;
import io.fanzha.gateway.route.Origin;
import io.fanzha.gateway.route.Upstream;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Every service's readiness as the gateway sees it, at {@code /q/health/group/upstreams}: UP when all are ready, and
 * each one's state and address beside it. Not part of the gateway's own readiness, which stays UP with a service down
 * (the gateway goes on serving the others).
 */
@HealthGroup("upstreams")
@ApplicationScoped
public class UpstreamsHealth implements AsyncHealthCheck {

    private static final long TIMEOUT_MILLIS = 2_000;

    private final HttpClient client;
    private final GatewayConfig config;

    UpstreamsHealth(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) TIMEOUT_MILLIS));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<String>> states = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            states.add(readiness(upstream));
        }
        // Once every service answered or failed; each one's outcome is read below.
        Future<Void> all = Future.join(states).transform(ignored -> Future.succeededFuture());
        return Uni.createFrom().completionStage(all.toCompletionStage()).map(ignored -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
            for (int i = 0; i < states.size(); i++) {
                String state = states.get(i).succeeded() ? states.get(i).result() : "DOWN";
                Upstream upstream = Upstream.values()[i];
                response.withData(upstream.serviceName(), state + " "
                        + Origin.of(upstream, upstream.baseUrl(config.services())));
                if (!state.equals("UP")) {
                    response.down();
                }
            }
            return response.build();
        });
    }

    /** UP when the service's readiness answers 200; DOWN (with the status) otherwise, or when it cannot be reached. */
    private Future<String> readiness(Upstream upstream) {
        Origin origin = Origin.of(upstream, upstream.baseUrl(config.services()));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(origin.host())
                .setPort(origin.port()).setSsl(origin.ssl()).setURI(origin.basePath() + "/q/health/ready")
                .setTimeout(TIMEOUT_MILLIS);
        return client.request(options).compose(request -> request.send())
                .compose(answer -> answer.body().map(ignored -> answer.statusCode() == 200 ? "UP"
                        : "DOWN (" + answer.statusCode() + ")"));
    }
}
