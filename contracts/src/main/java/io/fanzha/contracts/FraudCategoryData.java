package io.fanzha.contracts;

/**
 * Payload of {@code fanzha.fraud-category.created.v1} and {@code fanzha.fraud-category.updated.v1} on
 * {@code fanzha.casestats.v1}, keyed {@code CN} (the catalogue is national): a category's full state. Codes never
 * change and categories are never deleted; a category no longer used is inactive. campaign-service keeps a replica
 * to check the categories of campaigns and goals.
 */
public record FraudCategoryData(
        String code,
        String nameZh,
        String nameEn,
        boolean focus,
        boolean active,
        int sortOrder,
        long version) {
}
