package io.fanzha.reporting.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a generation answers: before the first replay ends, every report would be a 503. */
@Readiness
@ApplicationScoped
public class ReadModelReadiness implements HealthCheck {

    @Inject
    Generations generations;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read-models");
        generations.inState(Generation.ACTIVE).ifPresentOrElse(
                active -> response.up().withData("activeGeneration", active.id()),
                () -> response.down().withData("reason", "the first replay of the topics is still running"));
        generations.inState(Generation.BUILDING).ifPresent(building -> response
                .withData("buildingGeneration", building.id()).withData("eventsReplayed", building.eventsReplayed()));
        return response.build();
    }
}
