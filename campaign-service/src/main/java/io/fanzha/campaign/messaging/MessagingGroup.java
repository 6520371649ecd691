package io.fanzha.campaign.messaging;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.fanzha.contracts.MessagingGroupData;
import io.fanzha.contracts.MessagingPlatform;
import io.fanzha.platform.persistence.TrackedEntity;

/**
 * An anti-fraud messaging group (反诈群) of a building, a village group or a unit, with the person responsible for
 * it; the seed plan asks for one per building, village group and unit, and a push every week.
 */
@Entity
@Table(name = "messaging_group")
public class MessagingGroup extends TrackedEntity {

    /** Its kind among the tombstones of deleted records. */
    public static final String KIND = "messaging-group";

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public MessagingPlatform platform;

    public String name;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "member_count")
    public int memberCount;

    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "owner_phone")
    public String ownerPhone;

    @Column(name = "created_on")
    public LocalDate createdOn;

    public boolean active;

    MessagingGroupData toData() {
        return toData(version);
    }

    MessagingGroupData toData(long version) {
        return new MessagingGroupData(id, platform, name, regionCode, unitId, memberCount, ownerName, createdOn, active,
                version);
    }
}
