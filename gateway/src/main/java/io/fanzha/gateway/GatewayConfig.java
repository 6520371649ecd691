package io.fanzha.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services live and how long the gateway waits for them. */
@ConfigMapping(prefix = "fanzha.gateway")
public interface GatewayConfig {

    /** Base URL of each service (scheme, host, port and an optional path prefix). */
    Services services();

    /**
     * The public path prefixes each service owns: a prefix takes itself and everything below it, the longest prefix
     * wins. A new resource under a listed prefix needs nothing here; a new prefix is a line of configuration.
     */
    Routes routes();

    interface Routes {

        @WithDefault("/api/v1/regions,/api/v1/units,/api/v1/alliances,/api/v1/campaigns,/api/v1/messaging-groups")
        List<String> campaign();

        @WithDefault("/api/v1/outreach,/api/v1/ledger")
        List<String> outreach();

        @WithDefault("/api/v1/case-reports,/api/v1/fraud-categories,/api/v1/cases")
        List<String> casestats();

        @WithDefault("/api/v1/reports")
        List<String> reporting();
    }

    /** How long to wait for a TCP connection to a service. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * How long a service may stay silent once the caller's body has been fully received:
     * before its first response byte and between chunks of a streamed answer.
     */
    @WithDefault("60s")
    Duration responseTimeout();

    /** As {@link #responseTimeout()}, for bulk imports, device sync and evidence uploads, which take longer. */
    @WithDefault("10m")
    Duration bulkResponseTimeout();

    /** When the gateway stops sending a failing service requests for a while (docs/gateway.md, "Failures"). */
    Breaker breaker();

    interface Breaker {

        /** Of the last {@link #window()} calls (once there were {@link #minimumCalls()}), the percent that failed. */
        @WithDefault("50")
        int failurePercent();

        @WithDefault("20")
        int window();

        @WithDefault("10")
        int minimumCalls();

        /** How long it stays open before letting a few trial calls through. */
        @WithDefault("10s")
        Duration openFor();

        @WithDefault("3")
        int trialCalls();
    }

    /**
     * Bearer tokens the gateway verified and remembers until they expire, so that a caller's next request costs no
     * signature check (docs/gateway.md, "Authentication"); the least recently used are forgotten beyond this many.
     */
    @WithDefault("10000")
    int verifiedTokens();

    /** Attempts at a GET or HEAD that never reached its service (docs/gateway.md, "Failures"). */
    Retry retry();

    interface Retry {

        /** All attempts, the first included; 1 turns retries off. */
        @WithDefault("2")
        int attempts();

        @WithDefault("50ms")
        Duration pause();
    }

    /** Pooled HTTP/1.1 connections per service and event loop; requests beyond it queue for a free one. */
    @WithDefault("64")
    int maxConnectionsPerService();

    /**
     * Addresses or CIDR blocks of the proxies in front of the gateway whose forwarding headers are believed (none by
     * default: a caller's X-Forwarded-* and Forwarded are replaced).
     */
    Optional<List<String>> trustedProxies();

    /**
     * Requests per second and burst per caller (the token's subject; the address without a token), per class of
     * route (docs/gateway.md, "Rate limits"). With several gateway replicas, each counts its own.
     */
    RateLimits rateLimits();

    interface RateLimits {

        @WithDefault("100")
        long readsPerSecond();

        @WithDefault("300")
        long readsBurst();

        @WithDefault("20")
        long writesPerSecond();

        @WithDefault("60")
        long writesBurst();

        /** Device sync, bulk imports and evidence uploads. */
        @WithDefault("2")
        long bulkPerSecond();

        @WithDefault("10")
        long bulkBurst();
    }

    /** The largest request body each class of route takes (docs/gateway.md, "Body limits"). */
    Limits limits();

    interface Limits {

        /** Everything not named below: JSON requests. */
        @WithDefault("1M")
        MemorySize json();

        /** Bulk imports and device sync: {@code /api/v1/outreach/sync}, case-report pushes, {@code …/import}. */
        @WithDefault("100M")
        MemorySize bulk();

        /** Evidence files: {@code /api/v1/outreach/{id}/evidence/…}; outreach-service's own limit, by default. */
        @WithDefault("${FANZHA_EVIDENCE_MAX_SIZE:100M}")
        MemorySize evidence();
    }

    /** The one API document at {@code /q/openapi} and Swagger UI (docs/gateway.md, "One API document"). */
    OpenApi openapi();

    interface OpenApi {

        /**
         * How long a complete merge is served before the services' documents are fetched again, so that a
         * redeployed service's new operations appear without restarting the gateway.
         */
        @WithDefault("60s")
        Duration refresh();

        /** How long to wait for one service's document. */
        @WithDefault("10s")
        Duration fetchTimeout();

        /**
         * The Keycloak realm as browsers and client generators reach it: the document's OpenID Connect scheme points
         * at its discovery document, and Swagger UI logs in there.
         */
        @WithDefault("${quarkus.oidc.auth-server-url}")
        URI authServerUrl();

        /** The gateway's address in the document's {@code servers}; relative, so it holds at any address. */
        @WithDefault("/")
        String serverUrl();

        /** The public Keycloak client Swagger UI logs in with (authorization code with PKCE). */
        @WithDefault("fanzha-web")
        String uiClientId();
    }

    interface Services {

        @WithDefault("http://localhost:${FANZHA_CAMPAIGN_PORT:8081}")
        URI campaign();

        @WithDefault("http://localhost:${FANZHA_OUTREACH_PORT:8082}")
        URI outreach();

        @WithDefault("http://localhost:${FANZHA_CASESTATS_PORT:8083}")
        URI casestats();

        @WithDefault("http://localhost:${FANZHA_REPORTING_PORT:8084}")
        URI reporting();
    }
}
