package io.fanzha.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds a service to its own OpenAPI document (served at {@code /q/openapi}) in every test that calls it with REST
 * Assured, using Atlassian's swagger-request-validator:
 * <ul>
 * <li>every answer must be one the document describes: its status, content type, headers and body schema;</li>
 * <li>a request the document refuses must be refused by the server too (any 4xx), so the document is never
 * stricter than the server; tests of bad input send such requests on purpose;</li>
 * <li>an address or method the document does not know may only be refused (4xx).</li>
 * </ul>
 * Requests to anything but the application under test, and to its {@code /q/} endpoints, pass unchecked, and so
 * do the answers the HTTP layer gives before the application sees the request (414, 431: docs/api.md).
 * Authentication is not checked here: module tests authenticate with {@code @TestSecurity}, without a header,
 * and e2e tests exercise real tokens.
 */
public final class ApiContractFilter implements OrderedFilter {

    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String OPERATION_NOT_ALLOWED = "validation.request.operation.notAllowed";

    /** Answered by Vert.x before routing, for every address alike, without a problem body. */
    private static final Set<Integer> HTTP_LAYER_ANSWERS = Set.of(414, 431);

    /** One validator per running application, found by its port: a test profile restarts it on another. */
    private static final Map<Integer, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    @Override
    public Response filter(FilterableRequestSpecification spec, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        URI target = URI.create(spec.getURI());
        if (target.getPort() != RestAssured.port || target.getPath().startsWith("/q/")) {
            return context.next(spec, responseSpec);
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(target.getPort(), port -> load(target));
        Request request = withQueryOfPath(RestAssuredRequest.of(spec), target);
        ValidationReport requestReport = validator.validateRequest(request);
        Response response = context.next(spec, responseSpec);
        int status = response.statusCode();
        if (HTTP_LAYER_ANSWERS.contains(status)) {
            return response;
        }
        String path = target.getRawPath().length() <= 200 ? target.getRawPath() : target.getRawPath().substring(0, 200) + "…";
        String call = request.getMethod() + " " + path + " → " + status;
        if (isUnknownAddress(requestReport)) {
            if (status < 400 || status >= 500) {
                throw new AssertionError(call + ": the OpenAPI document has no such operation\n" + format(requestReport));
            }
            return response;
        }
        if (requestReport.hasErrors() && (status < 400 || status >= 500)) {
            throw new AssertionError(call + ": the OpenAPI document refuses this request, the server did not\n"
                    + format(requestReport));
        }
        ValidationReport responseReport = validator.validateResponse(request.getPath(), request.getMethod(),
                RestAssuredResponse.of(response));
        if (responseReport.hasErrors()) {
            throw new AssertionError(call + ": the answer is not the one the OpenAPI document describes\n"
                    + format(responseReport) + "\nBody: " + response.asString());
        }
        return response;
    }

    /**
     * REST Assured keeps a query written into the path ({@code get("/x?period=2024-Q1")}) out of its query parameters,
     * so the validator would not see it: a required parameter would seem missing. Adds the path's parameters that the
     * request does not name otherwise.
     */
    private static Request withQueryOfPath(Request request, URI target) {
        if (target.getRawQuery() == null) {
            return request;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : request.getQueryParameters()) {
            query.put(name, new ArrayList<>(request.getQueryParameterValues(name)));
        }
        Map<String, List<String>> ofPath = new LinkedHashMap<>();
        for (String pair : target.getRawQuery().split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                ofPath.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        ofPath.forEach(query::putIfAbsent);
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod(), request.getPath());
        request.getHeaders().forEach((name, values) -> builder.withHeader(name, List.copyOf(values)));
        request.getRequestBody().ifPresent(builder::withBody);
        query.forEach(builder::withQueryParam);
        return builder.build();
    }

    /** After every filter a test adds, so that it sees the request as it is sent. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    private static boolean isUnknownAddress(ValidationReport report) {
        return report.getMessages().stream()
                .anyMatch(message -> PATH_MISSING.equals(message.getKey()) || OPERATION_NOT_ALLOWED.equals(message.getKey()));
    }

    private static String format(ValidationReport report) {
        return SimpleValidationReportFormat.getInstance().apply(report);
    }

    private static OpenApiInteractionValidator load(URI target) {
        URI document = target.resolve("/q/openapi?format=json");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(document).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("GET " + document + " answered " + answer.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(answer.body())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new AssertionError("Cannot read the OpenAPI document at " + document, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading " + document, e);
        }
    }
}
