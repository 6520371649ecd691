package io.fanzha.contracts;

/**
 * Payload of {@code fanzha.region.created.v2}, {@code fanzha.region.updated.v2} and
 * {@code fanzha.region.deleted.v2}: the region's full state after the change (for a deletion, its last state).
 * {@code level} is one of {@code PROVINCE}, {@code PREFECTURE}, {@code COUNTY}, {@code TOWNSHIP}, {@code VILLAGE},
 * {@code GRID}; {@code parentCode} follows from the code (null only for a province) whether or not the parent is
 * stored; {@code path} runs from the province down. {@code version} grows with every change, the deletion
 * included, so a consumer keeps the newest state whatever order redeliveries arrive in.
 */
public record RegionData(
        String code,
        String name,
        String parentCode,
        String level,
        String path,
        Integer residentHouseholds,
        Integer population,
        long version) {
}
