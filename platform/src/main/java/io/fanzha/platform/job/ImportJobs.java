package io.fanzha.platform.job;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Takes a bulk request's body: a small one is imported while the caller waits, a large one is stored as a job and
 * answered 202 at once (docs/platform.md, "Import jobs"). Jobs are read by their submitter, and by those who manage
 * the scope they were submitted in.
 */
@ApplicationScoped
public class ImportJobs {

    /** Bytes per stored chunk of a body: what a worker holds of it at a time. */
    static final int CHUNK = 1 << 20;

    @Inject
    ImportJobConfig config;

    @Inject
    EntityManager em;

    @Inject
    RegionScope scope;

    @Inject
    SecurityIdentity identity;

    /** What a job is asked to do, and by whom within which scope ("" for national). */
    public record Submission(String kind, String mediaType, Map<String, String> parameters, String user,
            String scopePrefix) {
    }

    /** Either the body to import now or, for a large one, the job it became. */
    public record Intake(InputStream body, ImportJob job) {

        public boolean queued() {
            return job != null;
        }
    }

    /**
     * A body of at most the threshold, by its Content-Length or (when chunked) by reading that much of it, is given
     * back to import now; a larger one is stored whole, in one transaction, before the job is answered. Pushes apply
     * in the order their sender sent them: while one of the sender's jobs waits or runs, any further push of theirs,
     * however small, is queued behind it.
     */
    public Intake take(InputStream body, Long contentLength, Submission submission) {
        int threshold = (int) Math.min(config.threshold().asLongValue(), Integer.MAX_VALUE - 16);
        if (waiting(submission)) {
            // Imported now, a small correction would be overwritten by the larger file sent before it.
            return new Intake(null, store(body, submission));
        }
        if (contentLength != null && contentLength >= 0) {
            return contentLength <= threshold ? new Intake(body, null) : new Intake(null, store(body, submission));
        }
        byte[] head = readUpTo(body, threshold + 1);
        if (head.length <= threshold) {
            return new Intake(new ByteArrayInputStream(head), null);
        }
        return new Intake(null, store(new SequenceInputStream(new ByteArrayInputStream(head), body), submission));
    }

    private static boolean waiting(Submission submission) {
        return ImportJob.count("kind = ?1 and submittedBy = ?2 and status in ?3", submission.kind(), submission.user(),
                List.of(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)) > 0;
    }

    private ImportJob store(InputStream body, Submission submission) {
        // The caller may send slowly: the transaction lasts as long as a job may run.
        return QuarkusTransaction.requiringNew().timeout((int) config.timeout().toSeconds()).call(() -> {
            ImportJob job = new ImportJob();
            job.id = UUID.randomUUID();
            job.kind = submission.kind();
            job.status = ImportJob.Status.QUEUED;
            job.mediaType = submission.mediaType();
            job.parameters = Map.copyOf(submission.parameters());
            job.submittedBy = submission.user();
            job.scopePrefix = submission.scopePrefix();
            job.submittedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
            job.persist();
            em.flush();
            job.size = em.unwrap(Session.class).doReturningWork(connection -> {
                long size = 0;
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into import_job_chunk (job_id, seq, data) values (?, ?, ?)")) {
                    byte[] chunk;
                    for (int seq = 0; (chunk = readUpTo(body, CHUNK)).length > 0; seq++) {
                        insert.setObject(1, job.id);
                        insert.setInt(2, seq);
                        insert.setBytes(3, chunk);
                        insert.executeUpdate();
                        size += chunk.length;
                    }
                }
                return size;
            });
            return job;
        });
    }

    private static byte[] readUpTo(InputStream body, int bytes) {
        try {
            return body.readNBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("The request body could not be read", e);
        }
    }

    /** The job of this kind, if the caller submitted it or manages the scope it was submitted in. */
    public ImportJob get(String kind, UUID id) {
        ImportJob job = ImportJob.<ImportJob>findByIdOptional(id).filter(found -> found.kind.equals(kind))
                .orElseThrow(() -> ProblemException.notFound("import-job.not-found", "No import job " + id + "."));
        boolean managed = scope.manages() && job.scopePrefix.startsWith(scope.subtreePrefix(null));
        if (!job.submittedBy.equals(identity.getPrincipal().getName()) && !managed) {
            throw ProblemException.forbidden("scope.forbidden", "Import job " + id + " was submitted by someone else"
                    + (scope.manages() ? ", outside your scope." : "; only its submitter and managers of its scope see it."));
        }
        return job;
    }

    /** The jobs of this kind the caller submitted (and, for managers, those submitted within their scope), newest first. */
    public Page<ImportJob> list(String kind, int page, int size) {
        String user = identity.getPrincipal().getName();
        Where where = Where.of("kind = :kind", "kind", kind).and(true, scope.manages()
                ? "(submittedBy = :user or scopePrefix like :prefix)" : "submittedBy = :user",
                scope.manages() ? Map.of("user", user, "prefix", scope.subtreePrefix(null) + "%") : Map.of("user", user));
        return Page.of(ImportJob.<ImportJob>find(where.clause(), Sort.by("submittedAt", Sort.Direction.Descending).and("id"),
                where.parameters()), page, size);
    }
}
