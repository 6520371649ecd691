package io.fanzha.campaign.alliance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.fanzha.campaign.unit.Unit;
import io.fanzha.contracts.UnitType;

@Schema(description = "An alliance with its member units.", example = """
        {"id": "2f9e8d7c-6b5a-4c3d-9e1f-0a1b2c3d4e5f", "name": "旌阳镇反诈联盟", "regionCode": "341825100",
         "members": [{"id": "5d1c0f6e-2b7a-4a53-9c11-0e8f3a7b9c01", "name": "中国移动旌阳营业厅", "type": "CARRIER"}],
         "updatedAt": "2024-01-05T09:00:00+08:00", "version": 0}""")
public record AllianceResponse(UUID id, String name, String regionCode, List<Member> members, OffsetDateTime updatedAt,
        long version) {

    @Schema(description = "A member unit")
    public record Member(UUID id, String name, UnitType type) {
    }

    /** The alliance with its members, in its order, taken from {@code units} (units are never deleted). */
    static AllianceResponse of(Alliance alliance, Map<UUID, Unit> units) {
        return new AllianceResponse(alliance.id, alliance.name, alliance.regionCode, alliance.memberIds.stream()
                .map(units::get).map(unit -> new Member(unit.id, unit.name, unit.type)).toList(), alliance.updatedAt,
                alliance.version);
    }
}
