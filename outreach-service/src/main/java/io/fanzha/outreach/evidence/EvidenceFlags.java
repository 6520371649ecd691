package io.fanzha.outreach.evidence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.EvidenceFlagData;
import io.fanzha.contracts.Topics;
import io.fanzha.outreach.evidence.EvidenceFlag.Reason;
import io.fanzha.outreach.record.OutreachRecord;
import io.fanzha.outreach.record.OutreachWriter;
import io.fanzha.outreach.record.RecordEdited;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.time.Days;

/**
 * Catches the cheapest fake, one photo for many visits (docs/outreach.md, "Faked evidence"): whenever a file is listed
 * on a record, or a record with files is edited, it is compared with the other records holding the same bytes, and
 * each record that shares them with another household's visit or with a record of another day is flagged, once, and
 * announced ({@code fanzha.outreach.evidence-flagged.v1}). A flag does not change a record's review: the flag list is
 * the inspectors' queue.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class EvidenceFlags {

    /** Namespace of the advisory locks on file hashes; taken after the record's lock (OutreachWriter.lock). */
    private static final int LOCK_SPACE = 0x0F2F;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    /**
     * Compares a record's file with the other records holding it, and flags each side of a pair that may not share it;
     * the caller holds the record's lock. Every such pair was flagged when its later side got the file or was edited,
     * so only the pairs with this record can be new: one pass over the holders, however many there are.
     */
    void check(UUID recordId, String sha256) {
        // Two records getting the same file at once are compared in turn: the second sees the first's row.
        em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_SPACE + ", hashtext(?1))").setParameter(1, sha256)
                .getSingleResult();
        List<OutreachRecord> holders = em.createQuery("select r from OutreachRecord r where r.id in "
                + "(select e.recordId from Evidence e where e.sha256 = :sha256) order by r.id", OutreachRecord.class)
                .setParameter("sha256", sha256).getResultList();
        Set<UUID> flagged = new HashSet<>(em.createQuery("select f.recordId from EvidenceFlag f where f.sha256 = :sha256",
                UUID.class).setParameter("sha256", sha256).getResultList());
        OutreachRecord record = holders.stream().filter(holder -> holder.id.equals(recordId)).findFirst().orElse(null);
        if (record == null) {
            return;
        }
        OffsetDateTime now = OutreachWriter.now();
        Reason own = null;
        for (OutreachRecord other : holders) {
            Reason reason = reason(record, other);
            if (reason == null) {
                continue;
            }
            own = own == null || reason.compareTo(own) < 0 ? reason : own;
            if (flagged.add(other.id)) {
                flag(other, sha256, reason, othersThan(other, holders), now);
            }
        }
        if (own != null && flagged.add(record.id)) {
            flag(record, sha256, own, othersThan(record, holders), now);
        }
    }

    /** An edit may make a file's other records suspect (another day, another household): its files are checked again. */
    void recheck(@Observes RecordEdited edited) {
        // Most edits are of records without files (the count is current: the writer holds the record's lock).
        if (edited.record().evidenceReceived == 0) {
            return;
        }
        UUID id = edited.record().id;
        em.createQuery("select distinct e.sha256 from Evidence e where e.recordId = :id order by e.sha256", String.class)
                .setParameter("id", id).getResultList().forEach(sha256 -> check(id, sha256));
    }

    private static List<UUID> othersThan(OutreachRecord record, List<OutreachRecord> holders) {
        return holders.stream().map(holder -> holder.id).filter(id -> !id.equals(record.id)).toList();
    }

    /** Why two records may not share a file; null when they may (the same record, household and day). */
    static Reason reason(OutreachRecord one, OutreachRecord other) {
        if (one.id.equals(other.id)) {
            return null;
        }
        if (one.householdRef != null && other.householdRef != null
                && !(one.regionCode.equals(other.regionCode) && one.householdRef.equals(other.householdRef))) {
            return Reason.DIFFERENT_HOUSEHOLDS;
        }
        return Objects.equals(day(one), day(other)) ? null : Reason.DIFFERENT_DAYS;
    }

    private static LocalDate day(OutreachRecord record) {
        return record.occurredAt.atZoneSameInstant(Days.ZONE).toLocalDate();
    }

    private void flag(OutreachRecord record, String sha256, Reason reason, List<UUID> sharedWith, OffsetDateTime now) {
        EvidenceFlag flag = new EvidenceFlag();
        flag.recordId = record.id;
        flag.sha256 = sha256;
        flag.reason = reason;
        flag.flaggedAt = now;
        flag.persist();
        outbox.publish(Topics.OUTREACH, EventTypes.EVIDENCE_FLAGGED, RegionCode.parse(record.regionCode).eventKey().value(),
                record.id.toString(), new EvidenceFlagData(record.id, record.regionCode, record.unitId, record.worker,
                        sha256, reason.name(), new ArrayList<>(sharedWith), now));
    }
}
