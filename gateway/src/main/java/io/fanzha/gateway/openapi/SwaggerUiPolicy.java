package io.fanzha.gateway.openapi;

import java.net.URI;

/**
 * The Content-Security-Policy of Swagger UI's pages (set by EdgeHeaders): scripts, styles, images and fonts from the
 * gateway alone, no inline script (the initializer is a file of its own); calls to the gateway and to Keycloak, whose
 * discovery document and token endpoint the login uses; never framed.
 */
public final class SwaggerUiPolicy {

    private SwaggerUiPolicy() {
    }

    /** Swagger UI's paths: {@code /q/swagger-ui} and everything below it. */
    public static boolean covers(String path) {
        return path.equals(SwaggerUiRoute.PATH) || path.startsWith(SwaggerUiRoute.PATH + "/");
    }

    /** The policy for a Keycloak realm at this address (its origin is all that counts). */
    public static String of(URI authServerUrl) {
        String origin = authServerUrl.getScheme() + "://" + authServerUrl.getRawAuthority();
        // data: images are the icons swagger-ui.css draws.
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + origin + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
