package io.fanzha.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries a body must say what it is: without a Content-Type the server would have to guess,
 * and a guess is how a text file ends up parsed as JSON. 415 with a problem, before anything reads the body.
 */
public class ContentTypeRequired {

    @ServerRequestFilter(preMatching = true)
    public Response requireContentType(ContainerRequestContext request) {
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (hasBody && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            return ProblemResponses.of(415, "media-type.unsupported", "Unsupported Media Type",
                    "The request has a body but no Content-Type; send Content-Type: application/json.");
        }
        return null;
    }
}
