package io.fanzha.gateway.route;

import java.util.EnumMap;
import java.util.Map;

import io.fanzha.gateway.GatewayConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * A circuit breaker per service (Resilience4j): when most recent calls to a service could not reach it or timed out,
 * the gateway answers at once for a while instead of making every caller wait, then lets a few trial calls through.
 * A service's own answers, errors included, are successes here: it is reachable.
 */
final class Breakers {

    private final Map<Upstream, CircuitBreaker> breakers = new EnumMap<>(Upstream.class);
    private final long openForSeconds;

    Breakers(GatewayConfig.Breaker settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failurePercent())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.trialCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
        for (Upstream upstream : Upstream.values()) {
            breakers.put(upstream, CircuitBreaker.of(upstream.serviceName(), config));
        }
        this.openForSeconds = Math.max(1, settings.openFor().toSeconds());
    }

    CircuitBreaker of(Upstream upstream) {
        return breakers.get(upstream);
    }

    /** What Retry-After says while a breaker is open: at most this long until the next trial calls. */
    long retryAfterSeconds() {
        return openForSeconds;
    }
}
