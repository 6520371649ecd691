package io.fanzha.platform.problem;

import java.util.List;

/**
 * Thrown by domain code to end a request with a problem response. The {@code code} is part of
 * the API contract: clients branch on it, so never change an existing one.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public ProblemException(int status, String code, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad Request", detail);
    }

    /** A 400 that points at one field of the request body. */
    public static ProblemException invalidField(String code, String field, String message) {
        return new ProblemException(400, code, "Bad Request", message, List.of(new Violation(field, message)));
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(404, code, "Not Found", detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail);
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(403, code, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
