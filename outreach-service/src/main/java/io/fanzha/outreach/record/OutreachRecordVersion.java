package io.fanzha.outreach.record;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.fanzha.contracts.OutreachData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of a record: its whole state as its event carried it, who made it, when, from which device. */
@Entity
@Table(name = "outreach_record_version")
@IdClass(OutreachRecordVersion.Key.class)
public class OutreachRecordVersion extends PanacheEntityBase {

    /** The primary key: a record's id and version. */
    public static class Key implements Serializable {
        public UUID recordId;
        public long version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.recordId.equals(recordId) && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(recordId, version);
        }
    }

    @Id
    @Column(name = "record_id")
    public UUID recordId;

    @Id
    public long version;

    /** RECORDED, UPDATED, VOIDED, RESTORED or REVIEWED. */
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    public OutreachData state;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
}
