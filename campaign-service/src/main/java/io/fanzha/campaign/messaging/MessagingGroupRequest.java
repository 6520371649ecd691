package io.fanzha.campaign.messaging;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.contracts.MessagingPlatform;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

@Schema(description = "A messaging group to create, or its new state (with the version it was read at). Give its "
        + "region, its unit, or both (then the region lies within the unit's).", example = """
        {"platform": "WECHAT", "name": "篁嘉村一组反诈群", "regionCode": "341825100201", "memberCount": 86,
         "ownerName": "李明", "ownerPhone": "13912345678", "createdOn": "2024-01-20"}""")
public record MessagingGroupRequest(
        @NotNull MessagingPlatform platform,
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 100) @Schema(maxLength = 100) String name,
        @Schema(description = "The building's, village group's or community's region; defaults to the unit's")
        @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @Schema(description = "The unit whose group it is (a school's parents, a bank's staff)") UUID unitId,
        @NotNull @Min(0) @Max(100_000) Integer memberCount,
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE) @CodePointLength(max = 50)
        @Schema(maxLength = 50, description = "The person responsible for the group (群主 or 负责人)") String ownerName,
        @Schema(description = "A mainland mobile number (13812345678) or a landline with its area code (0563-8021234)")
        @Pattern(regexp = Text.PHONE, message = Text.PHONE_MESSAGE) String ownerPhone,
        @Schema(description = "When the group was set up; defaults to today (China), never later")
        LocalDate createdOn,
        @Schema(description = "Defaults to true; a dissolved group is inactive and expected to push no more") Boolean active,
        @Schema(description = "For an update: the version you read; a newer stored version is 409 messaging-group.stale")
        Long version) {
}
