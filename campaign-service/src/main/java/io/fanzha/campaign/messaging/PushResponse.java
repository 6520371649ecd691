package io.fanzha.campaign.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A logged push.", example = """
        {"id": "3f7a9c2e-1b4d-4e6f-8a0b-2c3d4e5f6a7b", "groupId": "0b6f1c9e-8d4a-4f3e-9a2b-7c5d1e0f3a21",
         "pushedOn": "2024-01-29", "title": "警惕刷单返利诈骗", "link": "https://mp.weixin.qq.com/s/abc123",
         "campaignId": "8c0d2a7e-5b1f-4c3a-9e2d-6f7a8b9c0d1e", "recordedBy": "field-worker",
         "updatedAt": "2024-01-29T20:15:00+08:00", "version": 0}""")
public record PushResponse(
        UUID id,
        UUID groupId,
        LocalDate pushedOn,
        String title,
        @Schema(nullable = true) String link,
        @Schema(nullable = true) UUID campaignId,
        @Schema(description = "The user who logged it") String recordedBy,
        OffsetDateTime updatedAt,
        long version) {

    static PushResponse of(MessagingPush push) {
        return new PushResponse(push.id, push.groupId, push.pushedOn, push.title, push.link, push.campaignId,
                push.recordedBy, push.updatedAt, push.version);
    }
}
