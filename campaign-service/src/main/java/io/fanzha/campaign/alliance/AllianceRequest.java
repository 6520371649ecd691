package io.fanzha.campaign.alliance;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.text.Text;

@Schema(description = "An alliance to create, or its new state (with the version it was read at).", example = """
        {"name": "旌阳镇反诈联盟", "regionCode": "341825100",
         "memberIds": ["5d1c0f6e-2b7a-4a53-9c11-0e8f3a7b9c01", "9a0e4c1d-7b2f-4e8a-a1c3-5f6d7e8f9a0b"]}""")
public record AllianceRequest(
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 100) @Schema(maxLength = 100) String name,
        @NotNull @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.MESSAGE) String regionCode,
        @Schema(description = "The member units; each must exist and lie in your scope")
        @NotNull @Size(max = 500) List<@NotNull UUID> memberIds,
        @Schema(description = "For an update: the version you read; a newer stored version is 409 alliance.stale")
        Long version) {
}
