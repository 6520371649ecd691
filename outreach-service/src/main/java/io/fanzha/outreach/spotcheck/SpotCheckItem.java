package io.fanzha.outreach.spotcheck;

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

/** One visit of a spot check's sample, and the revisit's result once recorded. */
@Entity
@Table(name = "spot_check_item")
@IdClass(SpotCheckItem.Key.class)
public class SpotCheckItem extends PanacheEntityBase {

    /** The primary key: the spot check and the record. */
    public static class Key implements Serializable {
        public UUID spotCheckId;
        public UUID recordId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.spotCheckId.equals(spotCheckId) && key.recordId.equals(recordId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(spotCheckId, recordId);
        }
    }

    @Id
    @Column(name = "spot_check_id")
    public UUID spotCheckId;

    @Id
    @Column(name = "record_id")
    public UUID recordId;

    /** The visit's village, and its worker, as when drawn: what the confirmation rates group by. */
    @Column(name = "region_code")
    public String regionCode;

    public String worker;

    /** The SHA-256 of the seed and the record id: the order of the sample. */
    public String rank;

    @Enumerated(EnumType.STRING)
    public RevisitResult result;

    public String note;

    @Column(name = "checked_by")
    public String checkedBy;

    @Column(name = "checked_at")
    public OffsetDateTime checkedAt;
}
