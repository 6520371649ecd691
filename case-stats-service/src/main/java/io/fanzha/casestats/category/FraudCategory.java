package io.fanzha.casestats.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "fraud_category")
public class FraudCategory extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    /** One of the four focus categories of the campaign plans (两降 targets). */
    public boolean focus;

    @Column(name = "sort_order")
    public int sortOrder;
}
