package io.fanzha.platform.job;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.problem.Problem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A bulk request taken as a job: what was asked, by whom, how far it has come, and at the end its answer or its
 * problem. The body is stored beside it in chunks (import_job_chunk) until the job finishes.
 */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status {
        /** Stored, waiting for a worker. */
        QUEUED,
        /** A worker is importing it. */
        RUNNING,
        /** Imported: answer holds what the direct request would have answered. */
        DONE,
        /** Not imported: problem says why; nothing was stored. */
        FAILED
    }

    @Id
    public UUID id;

    public String kind;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "media_type")
    public String mediaType;

    /** The request's query parameters that shape the import, such as importStrategy or dryRun. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> parameters;

    /** Bytes of the body. */
    public long size;

    @Column(name = "submitted_by")
    public String submittedBy;

    /** The submitter's writable scope when submitting ("" for national): the import runs within it. */
    @Column(name = "scope_prefix")
    public String scopePrefix;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** Workers that claimed it so far; more than one means a worker stopped while running it. */
    public int attempts;

    @Column(name = "rows_read")
    public long rowsRead;

    @JdbcTypeCode(SqlTypes.JSON)
    public BulkAnswer answer;

    @JdbcTypeCode(SqlTypes.JSON)
    public Problem problem;

    /** A parameter given at submission, or the default. */
    public String parameter(String name, String otherwise) {
        return parameters.getOrDefault(name, otherwise);
    }
}
