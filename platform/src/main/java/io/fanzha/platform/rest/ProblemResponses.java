package io.fanzha.platform.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.fanzha.platform.request.RequestIds;
import io.fanzha.platform.problem.Problem;
import io.fanzha.platform.problem.Violation;
import io.fanzha.platform.problem.ProblemException;

/** Builds problem responses; the one place that knows their shape. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String code, String title, String detail, List<Violation> violations) {
        Problem body = new Problem(Problem.typeOf(code), title, status, detail, code, RequestIds.current(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    public static Response of(int status, String code, String title, String detail) {
        return of(status, code, title, detail, List.of());
    }

    public static Response of(ProblemException e) {
        return of(e.status(), e.code(), e.title(), e.getMessage(), e.violations());
    }
}
