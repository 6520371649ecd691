package io.fanzha.campaign.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.MessagingPlatform;

@Schema(description = "A messaging group.", example = """
        {"id": "0b6f1c9e-8d4a-4f3e-9a2b-7c5d1e0f3a21", "platform": "WECHAT", "name": "篁嘉村一组反诈群",
         "regionCode": "341825100201", "unitId": null, "memberCount": 86, "ownerName": "李明",
         "ownerPhone": "13912345678", "createdOn": "2024-01-20", "active": true,
         "updatedAt": "2024-01-20T09:00:00+08:00", "version": 0}""")
public record MessagingGroupResponse(
        UUID id,
        MessagingPlatform platform,
        String name,
        String regionCode,
        @Schema(nullable = true) UUID unitId,
        int memberCount,
        String ownerName,
        @Schema(nullable = true, description = "Null also for roles that may not read contact data (viewers, field "
                + "workers, agency systems)") String ownerPhone,
        LocalDate createdOn,
        boolean active,
        OffsetDateTime updatedAt,
        long version) {

    static MessagingGroupResponse of(MessagingGroup group, boolean withPhone) {
        return new MessagingGroupResponse(group.id, group.platform, group.name, group.regionCode, group.unitId,
                group.memberCount, group.ownerName, withPhone ? group.ownerPhone : null, group.createdOn, group.active,
                group.updatedAt, group.version);
    }
}
