package io.fanzha.campaign.unit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.contracts.TargetGroup;
import io.fanzha.contracts.UnitType;

@Schema(description = "A unit.", example = """
        {"id": "5d1c0f6e-2b7a-4a53-9c11-0e8f3a7b9c01", "name": "旌德县教育局", "type": "GOVERNMENT_DEPARTMENT",
         "regionCode": "341825", "targetGroups": ["STUDENTS", "PARENTS"],
         "liaisonName": "王老师", "liaisonPosition": "办公室主任", "liaisonPhone": "13812345678", "active": true,
         "updatedAt": "2024-01-05T09:00:00+08:00", "version": 0}""")
public record UnitResponse(
        UUID id,
        String name,
        UnitType type,
        String regionCode,
        List<TargetGroup> targetGroups,
        @Schema(nullable = true) String liaisonName,
        @Schema(nullable = true) String liaisonPosition,
        @Schema(nullable = true, description = "Null also for roles that may not read contact data (viewers, field "
                + "workers, agency systems)") String liaisonPhone,
        boolean active,
        OffsetDateTime updatedAt,
        long version) {

    static UnitResponse of(Unit unit, boolean withPhone) {
        return new UnitResponse(unit.id, unit.name, unit.type, unit.regionCode, unit.groups(), unit.liaisonName,
                unit.liaisonPosition, withPhone ? unit.liaisonPhone : null, unit.active, unit.updatedAt, unit.version);
    }
}
