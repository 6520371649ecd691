package io.fanzha.platform.rest;

import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.platform.text.Text;

/** A {@link ListQuery} of things with names: {@code q} finds them by a part of the name. */
public class SearchQuery extends ListQuery {

    @QueryParam("q")
    @Parameter(description = "Only those whose name contains this text (ignoring case)", example = "旌阳")
    @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
    @CodePointLength(max = 100)
    public String q;

    /** The search text without surrounding blanks; empty when none was given. */
    public Optional<String> search() {
        return q == null || q.isBlank() ? Optional.empty() : Optional.of(q.strip());
    }
}
