package io.fanzha.casestats.report;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.fanzha.contracts.CaseFigures;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a case report: who, when, from which import, and the figures before and after. */
@Entity
@Table(name = "case_report_audit")
public class CaseReportAudit extends PanacheEntityBase {

    @Id
    public long id;

    @Column(name = "region_code")
    public String regionCode;

    public String period;

    public String category;

    /** CREATED, UPDATED or DELETED. */
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_values")
    public CaseFigures oldValues;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_values")
    public CaseFigures newValues;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "import_id")
    public UUID importId;
}
