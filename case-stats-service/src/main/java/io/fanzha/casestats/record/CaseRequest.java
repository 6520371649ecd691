package io.fanzha.casestats.record;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.AgeBand;
import io.fanzha.contracts.TargetGroup;
import io.fanzha.platform.money.Money;
import io.fanzha.platform.privacy.PersonalData;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

@Schema(description = "A fraud case to record, or its new state (with the version it was read at). No names, phone "
        + "numbers or ID numbers: a field shaped like one is refused (case.personal-data).", example = """
        {"id": "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "occurredOn": "2024-02-03", "regionCode": "341825100201",
         "category": "ONLINE_LOAN", "loss": "35000.00", "ageBand": "AGE_60_PLUS", "targetGroup": "ELDERLY",
         "householdRef": "HH-0042"}""")
public record CaseRequest(
        @Schema(description = "Chosen by the agency's system (a UUID), so that a resend records nothing twice") UUID id,
        @Schema(description = "The day the fraud happened, not later than today (China)") @NotNull LocalDate occurredOn,
        @Schema(description = "The village (or the lowest region known)")
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @NotNull @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String category,
        @Schema(nullable = true) Money loss,
        @Schema(description = "The victim's age band") AgeBand ageBand,
        @Schema(description = "The victim's group, in the codes outreach reaches") TargetGroup targetGroup,
        @Schema(description = "The victim's employing unit, when known (a campaign-service unit id)") UUID unitId,
        @Schema(description = "The household's opaque reference, as outreach records it (never an ID or phone number)",
                maxLength = 40)
        @Pattern(regexp = PersonalData.HOUSEHOLD_REF, message = PersonalData.HOUSEHOLD_REF_MESSAGE)
        String householdRef,
        @Schema(description = "For an update: the version you read; a newer stored version is 409 case.stale") Long version) {
}
