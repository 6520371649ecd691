package io.fanzha.gateway.edge;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Bearer tokens already verified, with their caller, each kept until its own expiry. A token is a signed, immutable
 * string: once its signature, issuer and audience checked out, the same string checks out again until it expires,
 * and a caller sends the same token for many requests. The profile of an authenticated read through the gateway
 * showed the signature check as the largest single cost (docs/benchmarks.md, "The gateway's price"). What the cache
 * cannot know is what local verification never knew either: a token revoked before its expiry.
 */
final class VerifiedTokens {

    /** Who sent a verified token, and until when it holds (epoch seconds). */
    record Caller(String subject, long expiresAt) {
    }

    private final Cache<String, Caller> cache;

    VerifiedTokens(int size) {
        this.cache = Caffeine.newBuilder().maximumSize(size).expireAfter(new UntilExpiry()).build();
    }

    Optional<Caller> find(String token) {
        return Optional.ofNullable(cache.getIfPresent(token));
    }

    /** Remembers a verified token; one already expired, or without an expiry, is not kept. */
    void remember(String token, Caller caller) {
        if (caller.expiresAt() > System.currentTimeMillis() / 1000) {
            cache.put(token, caller);
        }
    }

    private static final class UntilExpiry implements Expiry<String, Caller> {

        @Override
        public long expireAfterCreate(String token, Caller caller, long currentTime) {
            long millis = caller.expiresAt() * 1000 - System.currentTimeMillis();
            return Duration.ofMillis(Math.max(0, millis)).toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, Caller caller, long currentTime, long currentDuration) {
            return expireAfterCreate(token, caller, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Caller caller, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
