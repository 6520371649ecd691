package io.fanzha.platform.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.fanzha.platform.problem.ProblemException;

/**
 * What every list takes besides its own filters (a {@code @BeanParam}): the changes since an instant (so that an
 * offline app refreshes its cache cheaply) and the page; {@link SearchQuery} adds a name search. See docs/api.md,
 * "Lists".
 */
public class ListQuery {

    /** ISO-8601 with an offset; a space stands for the '+' of an offset that was not percent-encoded. */
    public static final String INSTANT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
            + "(Z|[+ -][0-9]{2}:[0-9]{2})$";
    private static final String INSTANT_MESSAGE = "must be an instant with its offset, such as 2024-01-05T09:00:00+08:00";

    @QueryParam("updatedSince")
    @Parameter(description = "Only those created or changed after this instant (ISO-8601 with its offset; encode "
            + "'+' as %2B). Pass the newest updatedAt you hold, less a minute of margin: an item is the same "
            + "whenever it is read again.", example = "2024-01-05T09:00:00+08:00",
            schema = @Schema(type = SchemaType.STRING, pattern = INSTANT))
    @Pattern(regexp = INSTANT, message = INSTANT_MESSAGE)
    public String updatedSince;

    @QueryParam("page")
    @Parameter(description = "0-based page number")
    @DefaultValue("0")
    @Min(0)
    public int page;

    @QueryParam("size")
    @Parameter(description = "Items per page, at most " + Page.MAX_SIZE)
    @DefaultValue(Page.DEFAULT_SIZE)
    @Min(1)
    @Max(Page.MAX_SIZE)
    public int size;

    /** The instant of {@code updatedSince}; a well-formed value the calendar lacks (month 13) is 400 request.invalid. */
    public Optional<OffsetDateTime> since() {
        if (updatedSince == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(updatedSince.replace(' ', '+')));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("request.invalid", "updatedSince", INSTANT_MESSAGE);
        }
    }
}
