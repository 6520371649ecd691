package io.fanzha.contracts;

import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code fanzha.unit.created.v1} and {@code fanzha.unit.updated.v1}: the unit's full state after the
 * change, except its liaison's phone number, which stays in campaign-service (only admins, coordinators and
 * inspectors may read it there).
 */
public record UnitData(
        UUID id,
        String name,
        UnitType type,
        String regionCode,
        List<TargetGroup> targetGroups,
        String liaisonName,
        String liaisonPosition,
        boolean active,
        long version) {
}
