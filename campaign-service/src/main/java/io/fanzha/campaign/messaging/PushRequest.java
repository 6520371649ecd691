package io.fanzha.campaign.messaging;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import io.fanzha.platform.text.Text;

@Schema(description = "A push to log. An app that logs offline chooses the id, so that sending it again logs nothing "
        + "twice.", example = """
        {"id": "3f7a9c2e-1b4d-4e6f-8a0b-2c3d4e5f6a7b", "pushedOn": "2024-01-29", "title": "警惕刷单返利诈骗",
         "link": "https://mp.weixin.qq.com/s/abc123", "campaignId": "8c0d2a7e-5b1f-4c3a-9e2d-6f7a8b9c0d1e"}""")
public record PushRequest(
        @Schema(description = "Chosen by the client (a UUID); the server chooses one when absent") UUID id,
        @Schema(description = "The day it was pushed (China), not later than today and not before the group was set up")
        @NotNull LocalDate pushedOn,
        @NotNull @Pattern(regexp = Text.VISIBLE_LINE, message = Text.VISIBLE_LINE_MESSAGE)
        @CodePointLength(max = 200) @Schema(maxLength = 200) String title,
        @Schema(description = "An http or https address of what was pushed", maxLength = 2000)
        @Pattern(regexp = LINK, message = "must be an http or https address") @CodePointLength(max = 2000) String link,
        @Schema(description = "The campaign the push served; the group's region lies within the campaign's") UUID campaignId) {

    static final String LINK = "^https?://[^\\s<>\"]+$";
}
