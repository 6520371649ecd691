package io.fanzha.campaign.unit;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.fanzha.contracts.TargetGroup;
import io.fanzha.contracts.UnitData;
import io.fanzha.contracts.UnitType;
import io.fanzha.platform.persistence.TrackedEntity;

/** A responsible unit (成员单位): an organization in a region that runs outreach for its target groups. */
@Entity
public class Unit extends TrackedEntity {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public UnitType type;

    @Column(name = "region_code")
    public String regionCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups")
    public List<String> targetGroups;

    @Column(name = "liaison_name")
    public String liaisonName;

    @Column(name = "liaison_position")
    public String liaisonPosition;

    @Column(name = "liaison_phone")
    public String liaisonPhone;

    public boolean active;

    List<TargetGroup> groups() {
        return targetGroups.stream().map(TargetGroup::valueOf).toList();
    }

    UnitData toData() {
        return new UnitData(id, name, type, regionCode, groups(), liaisonName, liaisonPosition, active, version);
    }
}
