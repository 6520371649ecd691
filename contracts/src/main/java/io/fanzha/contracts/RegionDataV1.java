package io.fanzha.contracts;

/**
 * Payload of {@code fanzha.region.created.v1} and {@code fanzha.region.updated.v1}, published until regions
 * reached above the county: {@code level} counts from the county (1 county, 2 township, 3 village, 4 grid) and
 * {@code path} starts at the county. No longer published; consumers read it to replay the topic from the start.
 */
public record RegionDataV1(
        String code,
        String name,
        String parentCode,
        int level,
        String path,
        Integer residentHouseholds,
        Integer population,
        long version) {

    private static final String[] LEVELS = {"COUNTY", "TOWNSHIP", "VILLAGE", "GRID"};

    /** The same region in the current payload. */
    public RegionData upgrade() {
        String province = code.substring(0, 2);
        String prefecture = code.substring(0, 4);
        return new RegionData(code, name, parentCode == null ? prefecture : parentCode, LEVELS[level - 1],
                province + "/" + prefecture + "/" + path, residentHouseholds, population, version);
    }
}
