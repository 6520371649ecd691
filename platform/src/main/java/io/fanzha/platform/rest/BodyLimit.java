package io.fanzha.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.platform.problem.Problem;
import io.fanzha.platform.request.RequestIds;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * A body whose Content-Length is over {@code quarkus.http.limits.max-body-size} is refused with a problem (413
 * request.too-large) before a byte of it is read, where the HTTP layer would answer an empty 413.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length)) {
                String requestId = RequestIds.acceptOrGenerate(context.request().getHeader(RequestIds.HEADER));
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(RequestIds.HEADER, requestId)
                        // The rest of the body is not read: the connection cannot carry another request.
                        .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                        .end(problem(requestId));
                return;
            }
            context.next();
        });
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed Content-Length itself
        }
    }

    private String problem(String requestId) {
        try {
            return json.writeValueAsString(new Problem(Problem.typeOf("request.too-large"), "Content Too Large", 413,
                    "The body is larger than this service takes (" + limit.asLongValue() + " bytes); split it.",
                    "request.too-large", requestId, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is always JSON", e);
        }
    }
}
