package io.fanzha.casestats.category;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A fraud category of the catalogue.", example = """
        {"code": "ONLINE_LOAN", "nameZh": "网上贷款", "nameEn": "Fake online loans", "focus": true}""")
public record FraudCategoryResponse(String code, String nameZh, String nameEn, boolean focus) {

    static FraudCategoryResponse of(FraudCategory category) {
        return new FraudCategoryResponse(category.code, category.nameZh, category.nameEn, category.focus);
    }
}
