package io.fanzha.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response (RFC 9457 problem details) with Fanzha's extensions:
 * a stable machine-readable {@code code}, the {@code requestId} to quote to operators, and
 * for validation failures the list of {@code violations}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String requestId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs derived from the code, so they stay stable without a hosted page. */
    public static String typeOf(String code) {
        return "urn:fanzha:problem:" + code;
    }
}
