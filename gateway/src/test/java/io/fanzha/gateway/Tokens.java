package io.fanzha.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Tokens shaped like Keycloak's, signed with the key pair of {@link GatewayTestResources}. */
final class Tokens {

    static final String ISSUER = "https://issuer.fanzha.test";
    static final String AUDIENCE = "fanzha-api";

    private Tokens() {
    }

    static String valid() {
        return claims(ISSUER, AUDIENCE).expiresIn(300).sign();
    }

    /** A valid token of another caller. */
    static String of(String subject) {
        return claims(ISSUER, AUDIENCE).subject(subject).expiresIn(300).sign();
    }

    static String forAudience(String audience) {
        return claims(ISSUER, audience).expiresIn(300).sign();
    }

    static String fromIssuer(String issuer) {
        return claims(issuer, AUDIENCE).expiresIn(300).sign();
    }

    static String expiringIn(long seconds) {
        return claims(ISSUER, AUDIENCE).subject("expiring-" + seconds).expiresIn(seconds).sign();
    }

    static String expired() {
        Instant now = Instant.now();
        return claims(ISSUER, AUDIENCE).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign();
    }

    /** Right claims, signed by a key the gateway has never seen. */
    static String forged() {
        return claims(ISSUER, AUDIENCE).expiresIn(300).sign(GatewayTestResources.rsaKeyPair().getPrivate());
    }

    private static JwtClaimsBuilder claims(String issuer, String audience) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject("8c1f3f0e-field-worker")
                .preferredUserName("worker.li")
                .claim("region", "341825100")
                .claim("realm_access", Map.of("roles", List.of("field-worker")))
                .groups(Set.of("field-worker"));
    }
}
