package io.fanzha.gateway.edge;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.fanzha.gateway.GatewayConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the bearer token at the edge before anything is forwarded: quarkus-oidc verifies it (signature, issuer,
 * lifetime, audience) through its {@link TenantIdentityProvider}, and a verified token is remembered until it expires
 * ({@link VerifiedTokens}). Rejections are problem details. Roles are not looked at here: they are the services'
 * decision, and the services check the same token again (the gateway is not the only wall).
 */
@ApplicationScoped
public class EdgeAuthentication {

    private static final Logger LOG = Logger.getLogger(EdgeAuthentication.class);
    private static final String CALLER_KEY = "fanzha.caller";
    private static final String BEARER = "bearer ";

    private final TenantIdentityProvider oidc;
    private final VerifiedTokens verified;

    EdgeAuthentication(TenantIdentityProvider oidc, GatewayConfig config) {
        this.oidc = oidc;
        this.verified = new VerifiedTokens(config.verifiedTokens());
    }

    /**
     * Whether the request carries a bearer token verified before (and not expired): then its caller is known at once,
     * with no check and no wait, and {@link #caller} names it.
     */
    public boolean knownCaller(RoutingContext ctx) {
        String token = bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        VerifiedTokens.Caller known = token == null ? null : verified.find(token).orElse(null);
        if (known == null) {
            return false;
        }
        ctx.put(CALLER_KEY, known.subject());
        return true;
    }

    /**
     * For a caller not {@link #knownCaller known}: runs {@code next} once its token checks out; answers 401 (or 503)
     * otherwise.
     */
    public void authenticate(RoutingContext ctx, Handler<RoutingContext> next) {
        String token = bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            reject(ctx, false);
            return;
        }
        // Hold the body while the token is checked; the proxy resumes it when it streams it on.
        ctx.request().pause();
        Context context = Vertx.currentContext();
        oidc.authenticate(new AccessTokenCredential(token))
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .subscribe().with(
                        caller -> {
                            VerifiedTokens.Caller checked = callerOf(caller);
                            verified.remember(token, checked);
                            ctx.put(CALLER_KEY, checked.subject());
                            next.handle(ctx);
                        },
                        failure -> {
                            if (failure instanceof AuthenticationException) {
                                LOG.debugf("Token rejected: %s", failure.getMessage());
                                reject(ctx, true);
                            } else {
                                // Not the caller's fault (e.g. the identity provider cannot be reached).
                                LOG.warnf("Token could not be verified: %s", failure.toString());
                                ctx.request().resume();
                                Problems.send(ctx, 503, "auth.unavailable", "Service Unavailable",
                                        "The bearer token cannot be verified right now; try again shortly.");
                            }
                        });
    }

    /** The authenticated caller: its token's subject (a user's or a service account's own id). */
    public static String caller(RoutingContext ctx) {
        return ctx.get(CALLER_KEY);
    }

    /** The token of an {@code Authorization: Bearer …} header (the scheme in any case, RFC 9110 §11.1); else null. */
    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private static VerifiedTokens.Caller callerOf(SecurityIdentity caller) {
        if (caller.getPrincipal() instanceof JsonWebToken token) {
            String subject = token.getSubject() != null ? token.getSubject() : token.getName();
            return new VerifiedTokens.Caller(subject, token.getExpirationTime());
        }
        // Not a JWT: known for this request only.
        return new VerifiedTokens.Caller(caller.getPrincipal().getName(), 0);
    }

    private static void reject(RoutingContext ctx, boolean tokenPresented) {
        // Drain and drop the body so the connection stays usable.
        ctx.request().resume();
        ctx.response().putHeader("WWW-Authenticate",
                tokenPresented ? "Bearer realm=\"fanzha\", error=\"invalid_token\"" : "Bearer realm=\"fanzha\"");
        Problems.send(ctx, 401, "auth.unauthenticated", "Unauthorized", tokenPresented
                ? "The bearer token was rejected: it is expired, not validly signed, or not issued for this API."
                : "This API needs a bearer token in the Authorization header.");
    }
}
