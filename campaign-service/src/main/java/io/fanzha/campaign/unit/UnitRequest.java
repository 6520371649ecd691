package io.fanzha.campaign.unit;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.contracts.TargetGroup;
import io.fanzha.contracts.UnitType;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

@Schema(description = "A unit to create, or its new state (with the version it was read at).", example = """
        {"name": "旌德县教育局", "type": "GOVERNMENT_DEPARTMENT", "regionCode": "341825",
         "targetGroups": ["STUDENTS", "PARENTS"], "liaisonName": "王老师", "liaisonPosition": "办公室主任",
         "liaisonPhone": "13812345678", "active": true}""")
public record UnitRequest(
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 100) @Schema(maxLength = 100) String name,
        @NotNull UnitType type,
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @Size(max = 14) List<@NotNull TargetGroup> targetGroups,
        @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 50) @Schema(maxLength = 50, description = "The unit's liaison (联络人)") String liaisonName,
        @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 50) @Schema(maxLength = 50) String liaisonPosition,
        @Schema(description = "A mainland mobile number (13812345678) or a landline with its area code (0563-8021234)")
        @Pattern(regexp = Text.PHONE, message = Text.PHONE_MESSAGE)
        String liaisonPhone,
        @Schema(description = "Defaults to true") Boolean active,
        @Schema(description = "For an update: the version you read; a newer stored version is 409 unit.stale")
        Long version) {
}
