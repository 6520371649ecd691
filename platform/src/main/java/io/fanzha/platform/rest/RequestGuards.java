package io.fanzha.platform.rest;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.fanzha.platform.problem.Violation;
import io.fanzha.platform.text.Text;

/** Checks every request makes before any resource sees it (docs/api.md, "Strict input"). */
public class RequestGuards {

    private static final Map<Method, Set<String>> QUERY_PARAMETERS = new ConcurrentHashMap<>();

    /**
     * A request that carries a body must say what it is: without a Content-Type the server would have to guess,
     * and a guess is how a text file ends up parsed as JSON.
     */
    @ServerRequestFilter(preMatching = true)
    public Response requireContentType(ContainerRequestContext request) {
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (hasBody && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            return ProblemResponses.of(415, "media-type.unsupported", "Unsupported Media Type",
                    "The request has a body but no Content-Type; send Content-Type: application/json.");
        }
        return null;
    }

    /**
     * Path segments and query parameters follow the text rules of bodies: a NUL or a bidi override is never part
     * of a code, an id or a filter, and PostgreSQL would refuse a NUL with an error rather than find nothing.
     */
    @ServerRequestFilter(preMatching = true)
    public Response refuseForbiddenCharacters(ContainerRequestContext request) {
        for (PathSegment segment : request.getUriInfo().getPathSegments()) {
            if (Text.firstForbidden(segment.getPath()) >= 0) {
                return refused("The path");
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (Text.firstForbidden(parameter.getKey()) >= 0
                    || parameter.getValue().stream().anyMatch(value -> Text.firstForbidden(value) >= 0)) {
                return refused("The query");
            }
        }
        return null;
    }

    /**
     * A query parameter the operation does not take is refused rather than ignored: a client that sends
     * {@code ?sort=name} or {@code ?limit=10} must learn that nothing was sorted or limited.
     */
    @ServerRequestFilter
    public Response refuseUnknownQueryParameters(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Set<String> known = QUERY_PARAMETERS.computeIfAbsent(method, RequestGuards::queryParameters);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                return ProblemResponses.of(400, "request.invalid", "Bad Request", "Unknown query parameter '" + name
                        + "'; this operation takes " + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known)))
                        + ".", List.of(new Violation(name, "is not a parameter of this operation")));
            }
        }
        return null;
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getFields()) {
                    QueryParam member = field.getAnnotation(QueryParam.class);
                    if (member != null) {
                        names.add(member.value());
                    }
                }
            }
        }
        return names;
    }

    private static Response refused(String where) {
        return ProblemResponses.of(400, "request.invalid", "Bad Request",
                where + " contains a character that is not allowed (a control or bidirectional-override character).");
    }
}
