package io.fanzha.outreach.evidence;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record whose file (by its SHA-256) is also on a record it cannot honestly share it with; kept once flagged. */
@Entity
@Table(name = "evidence_flag")
@IdClass(EvidenceFlag.Key.class)
public class EvidenceFlag extends PanacheEntityBase {

    /** Why one file on two records is suspect. */
    public enum Reason {
        /** Visits to two different households (by village and household reference). */
        DIFFERENT_HOUSEHOLDS,
        /** Records of two different days (China time). */
        DIFFERENT_DAYS
    }

    /** The primary key: the record and the file's hash. */
    public static class Key implements Serializable {
        public UUID recordId;
        public String sha256;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.recordId.equals(recordId) && key.sha256.equals(sha256);
        }

        @Override
        public int hashCode() {
            return Objects.hash(recordId, sha256);
        }
    }

    @Id
    @Column(name = "record_id")
    public UUID recordId;

    @Id
    public String sha256;

    @Enumerated(EnumType.STRING)
    public Reason reason;

    @Column(name = "flagged_at")
    public OffsetDateTime flaggedAt;
}
