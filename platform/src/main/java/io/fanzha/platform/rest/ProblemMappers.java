package io.fanzha.platform.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Priorities;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.fanzha.platform.period.PeriodFormatException;
import io.fanzha.platform.request.RequestIds;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.fanzha.platform.problem.Violation;
import io.fanzha.platform.problem.ProblemException;

/**
 * Turns every failure of every service into {@code application/problem+json}. Unexpected
 * exceptions become a bare 500: the stack trace goes to the log under the request id, never
 * to the caller.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemResponses.of(e);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (isReturnValue(violation.getPropertyPath())) {
                return unexpected(e);
            }
            violations.add(new Violation(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        return ProblemResponses.of(400, "request.invalid", "Bad Request",
                "The request has invalid fields; see violations.", violations);
    }

    @ServerExceptionMapper
    public Response periodFormat(PeriodFormatException e) {
        return ProblemResponses.of(400, "period.invalid", "Bad Request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return malformed(e);
    }

    /** Quarkus maps this subtype itself (to a plain JSON body); a higher priority keeps problem details. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response malformedUtf8(StrictUtf8.MalformedUtf8Exception e) {
        return ProblemResponses.of(400, "request.malformed", "Bad Request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized();
    }

    /** Keycloak cannot be reached to verify the token: not the caller's fault, and worth a retry. */
    @ServerExceptionMapper
    public Response identityProviderUnavailable(OIDCException e) {
        LOG.warnf("Token could not be verified (request %s): %s", RequestIds.current(), e.getMessage());
        Response problem = ProblemResponses.of(503, "auth.unavailable", "Service Unavailable",
                "The bearer token cannot be verified right now; try again shortly.");
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemResponses.of(403, "auth.forbidden", "Forbidden",
                "Your role does not allow this operation.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 400 -> ProblemResponses.of(400, "request.malformed", "Bad Request", "The request could not be read.");
            case 401 -> unauthorized();
            case 403 -> ProblemResponses.of(403, "auth.forbidden", "Forbidden", "You may not do this.");
            // JAX-RS answers 404 when a path or query parameter cannot be converted to its type: the caller's
            // value is wrong, not the address, so that is a 400.
            case 404 -> e.getCause() != null
                    ? ProblemResponses.of(400, "request.invalid", "Bad Request",
                            "A path or query parameter has the wrong type or format.")
                    : ProblemResponses.of(404, "resource.not-found", "Not Found", "No resource at this address.");
            case 405 -> ProblemResponses.of(405, "method.not-allowed", "Method Not Allowed",
                    "This resource does not support that method.");
            case 406 -> ProblemResponses.of(406, "media-type.not-acceptable", "Not Acceptable",
                    "This resource cannot produce the requested media type.");
            case 415 -> ProblemResponses.of(415, "media-type.unsupported", "Unsupported Media Type",
                    "This resource does not accept that content type.");
            default -> status >= 500 ? unexpected(e)
                    : ProblemResponses.of(status, "request.rejected", e.getResponse().getStatusInfo().getReasonPhrase(),
                            e.getMessage());
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof StrictUtf8.MalformedUtf8Exception malformed) {
                return malformedUtf8(malformed);
            }
        }
        LOG.errorf(e, "Unexpected failure (request %s)", RequestIds.current());
        return ProblemResponses.of(500, "internal.error", "Internal Server Error",
                "Something went wrong on our side. Quote the requestId when you report it.");
    }

    private static Response malformed(JsonProcessingException e) {
        JsonFault fault = JsonFault.of(e);
        if (fault.field() == null) {
            return ProblemResponses.of(400, fault.code(), "Bad Request", fault.detail());
        }
        return ProblemResponses.of(400, fault.code(), "Bad Request", fault.detail(),
                List.of(new Violation(fault.field(), fault.detail())));
    }

    private static Response unauthorized() {
        Response problem = ProblemResponses.of(401, "auth.unauthenticated", "Unauthorized",
                "A valid bearer token is required.");
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.request.name} → {@code name}; {@code list.size} (a query parameter) → {@code size}. */
    private static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean lastNode = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || (node.getKind() == ElementKind.PARAMETER && !lastNode)) {
                continue;
            }
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? path.toString() : field.toString();
    }
}
