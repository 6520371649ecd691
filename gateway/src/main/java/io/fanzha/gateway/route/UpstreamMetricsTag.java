package io.fanzha.gateway.route;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;

/**
 * Adds an {@code upstream} tag to the built-in {@code http_server_requests} metrics, so requests
 * count and time per service and status. The {@code uri} tag is collapsed to {@code /api} in
 * application.properties: raw paths carry ids and would make one series per record.
 */
@Singleton
public class UpstreamMetricsTag implements HttpServerMetricsTagsContributor {

    private final Routes routes;

    UpstreamMetricsTag(Routes routes) {
        this.routes = routes;
    }

    @Override
    public Tags contribute(Context context) {
        String upstream = routes.owning(context.request().path()).map(Upstream::serviceName).orElse("none");
        return Tags.of("upstream", upstream);
    }
}
