package io.fanzha.campaign.task;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.contracts.OutreachKind;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

@Schema(description = "A task to plan, or its new state (with the version it was read at). The quota is a count of "
        + "outreach of the given kinds (quotaCount with quotaKinds), or a coverage percent, or none.", example = """
        {"title": "每个社区、小区、单位出入口张贴反诈标语和海报", "kind": "SOCIAL_FACE",
         "unitIds": ["5d1c0f6e-2b7a-4a53-9c11-0e8f3a7b9c01"], "regionCode": "341825", "deadline": "2024-01-31",
         "quotaCount": 1500, "quotaKinds": ["POSTER"]}""")
public record TaskRequest(
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 200) @Schema(maxLength = 200) String title,
        @NotNull TaskKind kind,
        @Schema(description = "The responsible units; each must be a unit") @Size(max = 200) List<@NotNull UUID> unitIds,
        @Schema(description = "The task's region: the campaign's region or one below it")
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @NotNull LocalDate deadline,
        @Min(1) @Max(10_000_000) Integer quotaCount,
        @Size(max = 18) List<@NotNull OutreachKind> quotaKinds,
        @Min(1) @Max(100) Integer quotaCoveragePercent,
        @Schema(maxLength = 2000, description = "May span lines") @CodePointLength(max = 2000) String notes,
        @Schema(description = "For an update: the version you read; a newer stored version is 409 task.stale")
        Long version) {
}
