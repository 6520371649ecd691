package io.fanzha.e2e.stack;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Real tokens from the stack's Keycloak, and the bad ones an attacker or a stale client would send. */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A password-grant access token of a demo user through the web client. */
    public static String of(String username) {
        return passwordGrant("fanzha-web", username);
    }

    /** The agency-demo service account's token (client credentials). */
    public static String agency() {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "agency-demo").formParam("client_secret", "agency-demo-secret")
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    /** A token Keycloak really issued, but for a client whose tokens are not meant for fanzha-api. */
    public static String wrongAudience(String username) {
        return passwordGrant("admin-cli", username);
    }

    /** A genuine token of a client whose tokens live one second, once Keycloak itself says it has expired. */
    public static String expired(String username) {
        String admin = realmAdmin();
        Map<String, Object> client = Map.of(
                "clientId", "e2e-short-lived",
                "publicClient", true,
                "directAccessGrantsEnabled", true,
                "attributes", Map.of("access.token.lifespan", "1"),
                "protocolMappers", List.of(Map.of(
                        "name", "fanzha-api audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.custom.audience", "fanzha-api", "access.token.claim", "true"))));
        int status = given().auth().oauth2(admin).contentType("application/json").body(client)
                .post(Stack.get().keycloak() + "/admin/realms/fanzha/clients").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create the short-lived client: " + status);
        }
        String token = passwordGrant("e2e-short-lived", username);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> !active(token));
        return token;
    }

    /** A token of Keycloak's own administrator (master realm), for its admin API. */
    public static String realmAdmin() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Stack.get().keycloak() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** Keycloak's own verdict on a token: its introspection endpoint, asked by the agency-demo client. */
    private static boolean active(String token) {
        return given().auth().preemptive().basic("agency-demo", "agency-demo-secret").formParam("token", token)
                .post(tokenUrl() + "/introspect").then().statusCode(200).extract().path("active");
    }

    /** A well-formed token with the right claims, signed by a key Keycloak never had. */
    public static String forged(String region, String role) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        long now = Instant.now().getEpochSecond();
        String header = base64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "forged")));
        String payload = base64(JSON.writeValueAsBytes(Map.of(
                "iss", Stack.get().keycloak() + "/realms/fanzha",
                "aud", List.of("fanzha-api"),
                "sub", "attacker",
                "iat", now,
                "exp", now + 600,
                "region", region,
                "realm_access", Map.of("roles", List.of(role)))));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + base64(signer.sign());
    }

    /** The decoded payload of a token, to check what Keycloak put in it. */
    public static Map<String, Object> claims(String token) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
        return claims;
    }

    private static String passwordGrant(String clientId, String username) {
        return given().formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", DEMO_PASSWORD)
                .post(tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    private static String tokenUrl() {
        return Stack.get().keycloak() + "/realms/fanzha/protocol/openid-connect/token";
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
