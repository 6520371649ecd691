package io.fanzha.contracts;

import java.util.List;
import java.util.UUID;

/** Payload of {@code fanzha.alliance.created.v1} and {@code fanzha.alliance.updated.v1}: the full state after it. */
public record AllianceData(UUID id, String name, String regionCode, List<UUID> memberIds, long version) {
}
