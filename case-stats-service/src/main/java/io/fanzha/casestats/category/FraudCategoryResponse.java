package io.fanzha.casestats.category;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A fraud category of the catalogue.", example = """
        {"code": "ONLINE_LOAN", "nameZh": "网上贷款", "nameEn": "Fake online loans", "focus": true, "active": true,
         "updatedAt": "2024-01-05T09:00:00+08:00", "version": 0}""")
public record FraudCategoryResponse(String code, String nameZh, String nameEn, boolean focus, boolean active,
        OffsetDateTime updatedAt, long version) {

    static FraudCategoryResponse of(FraudCategory category) {
        return new FraudCategoryResponse(category.code, category.nameZh, category.nameEn, category.focus,
                category.active, category.updatedAt, category.version);
    }
}
