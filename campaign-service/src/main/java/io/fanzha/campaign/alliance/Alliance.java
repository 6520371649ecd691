package io.fanzha.campaign.alliance;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.fanzha.contracts.AllianceData;
import io.fanzha.platform.persistence.TrackedEntity;

/** An anti-fraud alliance (反诈联盟): a town's carriers, banks, couriers, hotels and shops acting together. */
@Entity
public class Alliance extends TrackedEntity {

    @Id
    public UUID id;

    public String name;

    @Column(name = "region_code")
    public String regionCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "member_ids")
    public List<UUID> memberIds;

    AllianceData toData() {
        return new AllianceData(id, name, regionCode, memberIds, version);
    }
}
