package io.fanzha.outreach.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.OutreachData;
import io.fanzha.contracts.OutreachKind;
import io.fanzha.contracts.TargetGroup;
import io.fanzha.platform.privacy.PersonalData;
import io.fanzha.platform.region.RegionCode;

/** An outreach record as a worker's app sends it: new, again, or edited (with the version it was edited on). */
@Schema(description = "An outreach record. The id is chosen by the app (a UUID): sending the same record again stores "
        + "nothing twice. An edit names baseVersion, the version it was made on.", example = """
        {"id": "7b0c2f7e-4c61-4f5e-9a4e-2f0d7d6b8a11", "kind": "DOOR_TO_DOOR", "occurredAt": "2024-01-15T10:30:00+08:00",
         "regionCode": "341825100201", "unitId": "0d6f3c1a-9b2e-4f71-a1c4-5e8d2b7f9a30", "targetGroup": "ELDERLY",
         "metrics": {"peopleReached": 3, "householdsReached": 1, "materials": 2, "appInstalls": 1},
         "household": {"ref": "HH-0042", "noticeSigned": true}, "location": {"lat": 30.29, "lon": 118.54},
         "note": "户主签署告知单", "evidenceExpected": 2}""")
public record OutreachRequest(
        @Schema(description = "Chosen by the app") @NotNull UUID id,
        @NotNull OutreachKind kind,
        @Schema(description = "When it happened, with its offset; not later than now (plus five minutes of clock skew)")
        @NotNull OffsetDateTime occurredAt,
        @Schema(description = "Where: a region in your scope; a village (or grid) for a door-to-door visit")
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @Schema(description = "The responsible unit (campaign-service)") @NotNull UUID unitId,
        @Schema(description = "The campaign it belongs to, if any") UUID campaignId,
        @Schema(description = "The campaign task it counts for, if any (its campaign is then the task's)") UUID taskId,
        @NotNull TargetGroup targetGroup,
        @Valid Metrics metrics,
        @Schema(description = "Required for DOOR_TO_DOOR, and only there") @Valid Household household,
        @Valid Location location,
        @Schema(description = "No phone or ID numbers", maxLength = 2000) @Size(max = 2000) String note,
        @Schema(description = "How many files (photos, videos, documents) will follow for this record; answers then "
                + "say how many are still missing") @Min(0) @Max(MAX_FILES) Integer evidenceExpected,
        @Schema(description = "For an edit: the version it was made on") @Min(1) Long baseVersion) {

    /** A metric is a whole number from 0 to this; a bigger one is a typing error. */
    static final int MAX_METRIC = 1_000_000;
    /** More files than this on one record is not evidence but an album. */
    static final int MAX_FILES = 50;

    @Schema(description = "What the outreach achieved; leave out what was not counted")
    public record Metrics(
            @Min(0) @Max(MAX_METRIC) Integer materials,
            @Min(0) @Max(MAX_METRIC) Integer peopleReached,
            @Min(0) @Max(MAX_METRIC) Integer householdsReached,
            @Min(0) @Max(MAX_METRIC) Integer appInstalls,
            @Min(0) @Max(MAX_METRIC) Integer receiptsReturned,
            @Min(0) @Max(MAX_METRIC) Integer questionsAnswered) {
    }

    @Schema(description = "The household visited: its opaque reference within the village (never an ID or phone "
            + "number), and whether its head signed the anti-fraud notice (告知单)")
    public record Household(
            @NotNull @Pattern(regexp = PersonalData.HOUSEHOLD_REF, message = PersonalData.HOUSEHOLD_REF_MESSAGE) String ref,
            @NotNull Boolean noticeSigned) {
    }

    public record Location(
            @NotNull @DecimalMin("-90") @DecimalMax("90") BigDecimal lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") BigDecimal lon) {
    }

    /** The content, normalised (OutreachContent). */
    public OutreachContent content() {
        Metrics given = metrics == null ? new Metrics(null, null, null, null, null, null) : metrics;
        return new OutreachContent(kind, occurredAt.toInstant().truncatedTo(ChronoUnit.MICROS), regionCode, unitId,
                campaignId, taskId, targetGroup,
                new OutreachData.Metrics(given.materials(), given.peopleReached(), given.householdsReached(),
                        given.appInstalls(), given.receiptsReturned(), given.questionsAnswered()),
                household == null ? null : new OutreachData.Household(household.ref(), household.noticeSigned()),
                location == null ? null : new OutreachData.Location(degrees(location.lat()), degrees(location.lon())),
                note == null || note.isBlank() ? null : note, evidenceExpected);
    }

    private static BigDecimal degrees(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP);
    }
}
