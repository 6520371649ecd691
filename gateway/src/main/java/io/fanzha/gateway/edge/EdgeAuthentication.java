package io.fanzha.gateway.edge;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the bearer token at the edge (quarkus-oidc: signature, issuer, lifetime, audience) before
 * anything is forwarded. Rejections are problem details; Quarkus' own challenge has no body.
 * The services check the same token again: the gateway is not the only wall.
 */
@ApplicationScoped
public class EdgeAuthentication {

    private static final Logger LOG = Logger.getLogger(EdgeAuthentication.class);
    private static final String CALLER_KEY = "fanzha.caller";

    // Quarkus would answer a failed token first (a bodiless 401, or a 500 when Keycloak is down);
    // this handler answers instead, with a problem body.
    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_HERE = (ctx, failure) -> {
    };

    /** Runs {@code next} for an authenticated caller; answers 401 (or 503) otherwise. */
    public void authenticate(RoutingContext ctx, Handler<RoutingContext> next) {
        // Hold the body while the token is checked; the proxy resumes it when it streams it on.
        ctx.request().pause();
        Context context = Vertx.currentContext();
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(ctx, null);
        if (identity == null) {
            identity = Uni.createFrom().nullItem();
        }
        identity.emitOn(task -> context.runOnContext(ignored -> task.run()))
                .subscribe().with(
                        caller -> {
                            if (caller == null || caller.isAnonymous()) {
                                reject(ctx, false);
                            } else {
                                ctx.put(CALLER_KEY, subjectOf(caller));
                                next.handle(ctx);
                            }
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

    private static String subjectOf(SecurityIdentity caller) {
        return caller.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : caller.getPrincipal().getName();
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
