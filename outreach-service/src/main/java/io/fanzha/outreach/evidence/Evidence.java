package io.fanzha.outreach.evidence;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One file of a record, by its name: which bytes (their SHA-256), how many, of what type, from whom. */
@Entity
@Table(name = "evidence")
@IdClass(Evidence.Key.class)
public class Evidence extends PanacheEntityBase {

    /** The primary key: the record and the file's name. */
    public static class Key implements Serializable {
        public UUID recordId;
        public String name;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.recordId.equals(recordId) && key.name.equals(name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(recordId, name);
        }
    }

    @Id
    @Column(name = "record_id")
    public UUID recordId;

    @Id
    public String name;

    public String sha256;

    public long size;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
}
