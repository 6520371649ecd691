package io.fanzha.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.quarkus.oidc.OIDCException;
import io.fanzha.platform.problem.Problem;

/**
 * Keycloak being unreachable cannot happen in the module tests (they run without an OIDC tenant),
 * so the mapper is checked directly; the e2e stack exercises the real path.
 */
class IdentityProviderUnavailableTest {

    @Test
    void anUnreachableIdentityProviderIsA503WithRetryAfter() {
        Response response = new ProblemMappers().identityProviderUnavailable(new OIDCException("OIDC Server is not available"));
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("auth.unavailable", problem.code());
        assertEquals("urn:fanzha:problem:auth.unavailable", problem.type());
    }
}
