package io.fanzha.platform.persistence;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import io.fanzha.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An aggregate whose changes are announced: when it was created and last changed (stamped by
 * Hibernate, never by hand), and a version that grows with every change. Events carry the version
 * so that consumers keep the newest state whatever order redeliveries arrive in; flush before
 * publishing an update so the event sees the new one. Tables need created_at, updated_at, version.
 */
@MappedSuperclass
public abstract class TrackedEntity extends PanacheEntityBase {

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /**
     * Optimistic locking for clients: an update that names the version it was read at is refused with 409 and
     * {@code code} when the stored version is another; an update that names none replaces what is stored.
     */
    public void requireVersion(Long read, String code) {
        if (read != null && read != version) {
            throw ProblemException.conflict(code, "It changed since version " + read + " (it is at version " + version
                    + "): read it again and reapply your change.");
        }
    }

    @PrePersist
    void stampCreation() {
        createdAt = now();
        updatedAt = createdAt;
    }

    /** Runs only when Hibernate finds the entity changed, so an update that changes nothing keeps its time. */
    @PreUpdate
    void stampChange() {
        updatedAt = now();
    }

    /** At PostgreSQL's precision, so an answer shows the same instant a later read returns. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
