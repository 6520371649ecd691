package io.fanzha.contracts;

/**
 * Payload of {@code fanzha.region.created.v1} and {@code fanzha.region.updated.v1}: the region's
 * full state after the change. {@code version} grows with every change, so a consumer keeps the
 * newest state whatever order redeliveries arrive in.
 */
public record RegionData(
        String code,
        String name,
        String parentCode,
        int level,
        String path,
        Integer residentHouseholds,
        Integer population,
        long version) {
}
