package io.fanzha.contracts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code fanzha.messaging-push.logged.v1} and {@code fanzha.messaging-push.deleted.v1}: one push to a
 * messaging group (its region copied from the group), optionally for a campaign.
 */
public record MessagingPushData(
        UUID id,
        UUID groupId,
        String regionCode,
        LocalDate pushedOn,
        String title,
        String link,
        UUID campaignId,
        long version) {
}
