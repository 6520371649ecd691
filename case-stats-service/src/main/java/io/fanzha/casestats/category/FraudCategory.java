package io.fanzha.casestats.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.fanzha.contracts.FraudCategoryData;
import io.fanzha.platform.persistence.TrackedEntity;

/** A category of the national catalogue. Its code never changes and it is never deleted: it is deactivated. */
@Entity
@Table(name = "fraud_category")
public class FraudCategory extends TrackedEntity {

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    /** One of the four focus categories of the campaign plans (两降 targets). */
    public boolean focus;

    /** False for a category no longer used: old figures keep it, new ones may not name it. */
    public boolean active;

    @Column(name = "sort_order")
    public int sortOrder;

    /** Whether its state was put in the outbox: the seeded categories are announced once, at the first start. */
    public boolean announced;

    FraudCategoryData toData() {
        return new FraudCategoryData(code, nameZh, nameEn, focus, active, sortOrder, version);
    }
}
