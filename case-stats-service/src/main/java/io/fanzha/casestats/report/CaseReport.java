package io.fanzha.casestats.report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored case report, as queries read it; pushes write the table with JDBC batches (CaseReportImport). */
@Entity
@Table(name = "case_report")
@IdClass(CaseReport.Key.class)
public class CaseReport extends PanacheEntityBase {

    public record Key(String regionCode, String period, String category) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "region_code")
    public String regionCode;

    @Id
    public String period;

    @Id
    public String category;

    public Integer cases;

    public BigDecimal loss;

    @Column(name = "cases_concluded")
    public Integer casesConcluded;

    public Integer defendants;

    @Column(name = "heavy_sentences")
    public Integer heavySentences;

    public BigDecimal restitution;

    public BigDecimal fines;

    /** Why the figures look implausible against the region's history, when they do. */
    public String warning;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public long version;
}
