package io.fanzha.campaign.messaging;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.fanzha.contracts.MessagingPushData;
import io.fanzha.platform.persistence.TrackedEntity;

/** One push to a messaging group (a warning, an article, a video), as its owner logged it. */
@Entity
@Table(name = "messaging_push")
public class MessagingPush extends TrackedEntity {

    /** Its kind among the tombstones of deleted records. */
    public static final String KIND = "messaging-push";

    @Id
    public UUID id;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "pushed_on")
    public LocalDate pushedOn;

    public String title;

    public String link;

    @Column(name = "campaign_id")
    public UUID campaignId;

    /** Who logged it (the token's user), so that a field worker may take back what they logged and nothing else. */
    @Column(name = "recorded_by")
    public String recordedBy;

    MessagingPushData toData(String regionCode) {
        return toData(regionCode, version);
    }

    MessagingPushData toData(String regionCode, long version) {
        return new MessagingPushData(id, groupId, regionCode, pushedOn, title, link, campaignId, version);
    }
}
