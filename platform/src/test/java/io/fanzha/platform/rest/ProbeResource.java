package io.fanzha.platform.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.fanzha.platform.period.Period;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.platform.text.Text;
import io.quarkus.security.Authenticated;

/**
 * A test-only resource that makes each kind of failure happen, so the mappers can be checked in one place. It is
 * held to its OpenAPI document like every service's resources (platform-testing's ApiContractFilter).
 */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Body(@NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE) String name,
            @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode, LocalDate day,
            Period period, @Max(10) Integer count, String note) {
    }

    @Inject
    RegionScope scope;

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Body echo(@NotNull @Valid Body body) {
        return body;
    }

    @GET
    @Path("/conflict")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.TEXT_PLAIN)
    @APIResponse(responseCode = "409", description = "Always (probe.conflict)")
    public String conflict() {
        throw ProblemException.conflict("probe.conflict", "It clashes.");
    }

    @GET
    @Path("/crash")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String crash() {
        throw new IllegalStateException("secret internals that must not leak");
    }

    @GET
    @Path("/period")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String period(@QueryParam("p") String text) {
        return Period.parse(text).yearOnYear().toString();
    }

    public record Window(long first, @Schema(nullable = true) String search,
            @Schema(nullable = true, description = "The instant in UTC") String since) {
    }

    @GET
    @Path("/page")
    @RolesAllowed(Roles.ADMIN)
    public Window page(@Valid @BeanParam SearchQuery list) {
        return new Window((long) list.page * list.size, list.search().orElse(null), list.since().map(since -> since.toInstant().toString()).orElse(null));
    }

    // Any authenticated caller gets this far, so the region scope's own allow-lists are the only wall.
    @GET
    @Path("/read/{code}")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String read(@PathParam("code") String code) {
        return scope.assertReadable(code).value();
    }

    @POST
    @Path("/write/{code}")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String write(@PathParam("code") String code) {
        return scope.assertWritable(code).value();
    }

    // Two operations that break their own document, so that ApiContractFilterTest can see the filter catch them.
    @GET
    @Path("/contract/answer")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "Documented as a Body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Body.class)))
    public java.util.Map<String, Object> answerUnlikeItsDocument() {
        return java.util.Map.of("name", 5);
    }

    @GET
    @Path("/contract/lenient")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.TEXT_PLAIN)
    public String lenienterThanItsDocument(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("code") String code) {
        return "accepted";
    }
}
