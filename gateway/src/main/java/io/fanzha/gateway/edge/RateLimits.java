package io.fanzha.gateway.edge;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.fanzha.gateway.GatewayConfig;
import io.fanzha.gateway.route.RouteClass;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * A token bucket per caller and class of route (Bucket4j): each caller has its own budget, so no one caller's load
 * takes another's. Answers carry the IETF {@code RateLimit-Policy} and {@code RateLimit} headers; a request over the
 * budget is a 429 problem with {@code Retry-After}. Buckets of callers idle long enough to be full again are dropped.
 */
@ApplicationScoped
public class RateLimits {

    /** A budget: requests per second, and how many may come at once. */
    record Policy(String name, long perSecond, long burst) {

        /** Seconds for an empty bucket to fill again. */
        long window() {
            return Math.max(1, (burst + perSecond - 1) / perSecond);
        }
    }

    private final Map<RouteClass, Policy> policies = new EnumMap<>(RouteClass.class);
    private final Map<RouteClass, Map<String, Bucket>> buckets = new EnumMap<>(RouteClass.class);
    private final Vertx vertx;
    private final long sweeper;

    RateLimits(GatewayConfig config, Vertx vertx) {
        GatewayConfig.RateLimits limits = config.rateLimits();
        Policy reads = new Policy("reads", limits.readsPerSecond(), limits.readsBurst());
        Policy writes = new Policy("writes", limits.writesPerSecond(), limits.writesBurst());
        Policy bulk = new Policy("bulk", limits.bulkPerSecond(), limits.bulkBurst());
        policies.put(RouteClass.READ, reads);
        policies.put(RouteClass.WRITE, writes);
        policies.put(RouteClass.BULK, bulk);
        policies.put(RouteClass.EVIDENCE, bulk);
        for (RouteClass routeClass : RouteClass.values()) {
            buckets.put(routeClass, new ConcurrentHashMap<>());
        }
        this.vertx = vertx;
        this.sweeper = vertx.setPeriodic(TimeUnit.MINUTES.toMillis(1), ignored -> sweep());
    }

    @PreDestroy
    void close() {
        vertx.cancelTimer(sweeper);
    }

    /**
     * Takes one request from the caller's budget for the route's class and puts the budget's headers on the answer;
     * false (a 429 sent) when the budget is spent.
     */
    public boolean admit(RoutingContext ctx, String caller) {
        RouteClass routeClass = RouteClass.of(ctx.request().method(), ctx.normalizedPath());
        Policy policy = policies.get(routeClass);
        // Evidence uploads share the bulk budget.
        RouteClass budget = routeClass == RouteClass.EVIDENCE ? RouteClass.BULK : routeClass;
        Bucket bucket = buckets.get(budget).computeIfAbsent(caller, key -> Bucket.builder().addLimit(limit -> limit
                .capacity(policy.burst()).refillGreedy(policy.perSecond(), Duration.ofSeconds(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        long untilFull = (policy.burst() - remaining + policy.perSecond() - 1) / policy.perSecond();
        ctx.response().putHeader("RateLimit-Policy",
                "\"" + policy.name() + "\";q=" + policy.burst() + ";w=" + policy.window());
        ctx.response().putHeader("RateLimit", "\"" + policy.name() + "\";r=" + remaining + ";t=" + untilFull);
        if (probe.isConsumed()) {
            return true;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        ctx.request().resume();
        ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
        Problems.send(ctx, 429, "rate.limited", "Too Many Requests", "Over the " + policy.name() + " budget of "
                + policy.perSecond() + " requests a second (bursts of " + policy.burst() + "); try again in "
                + retryAfter + " s.");
        return false;
    }

    /** Drops the buckets that have filled up again: their callers have been idle since, and start afresh. */
    private void sweep() {
        buckets.forEach((routeClass, byCaller) -> byCaller.entrySet().removeIf(entry ->
                entry.getValue().getAvailableTokens() >= policies.get(routeClass).burst()));
    }
}
