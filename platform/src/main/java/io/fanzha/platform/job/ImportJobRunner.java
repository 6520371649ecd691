package io.fanzha.platform.job;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.problem.Problem;
import io.fanzha.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs waiting import jobs, one at a time per instance so that at most one large import is in memory
 * (docs/platform.md, "Import jobs"). A job is claimed with a token and kept alive by a heartbeat; it runs in one
 * transaction that also stores its answer, and only if the job is still this worker's. A worker that stopped
 * left nothing of its run: once its lease lapses, the job is claimed again from the start.
 */
@ApplicationScoped
public class ImportJobRunner {

    private static final Logger LOG = Logger.getLogger(ImportJobRunner.class);
    /** Rows between two writes of a job's progress. */
    private static final long PROGRESS_ROWS = 5_000;

    @Inject
    ImportJobConfig config;

    @Inject
    @Any
    Instance<ImportJobHandler> handlers;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private final AtomicReference<Claim> running = new AtomicReference<>();
    private Map<String, ImportJobHandler> byKind;

    private record Claim(UUID job, UUID token) {
    }

    /** The job was claimed again by another worker while this one ran it (its lease lapsed): its run is void. */
    private static final class Superseded extends RuntimeException {
        Superseded(UUID job) {
            super("Import job " + job + " was claimed again by another worker", null, false, false);
        }
    }

    @Scheduled(identity = "fanzha-import-jobs", every = "${fanzha.import-jobs.poll:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        if (handlers().isEmpty()) {
            return;
        }
        for (Optional<Claim> claim = claim(); claim.isPresent(); claim = claim()) {
            run(claim.get());
        }
    }

    @Scheduled(identity = "fanzha-import-job-heartbeat", every = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        Claim claim = running.get();
        if (claim != null) {
            QuarkusTransaction.requiringNew().run(() -> update(claim, "heartbeat_at = now()", Map.of()));
        }
    }

    @Scheduled(identity = "fanzha-import-job-retention", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "delete from import_job where finished_at < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now().minus(config.retention())).executeUpdate());
        if (deleted > 0) {
            LOG.infof("Deleted %d import jobs finished more than %s ago", deleted, config.retention());
        }
    }

    private synchronized Map<String, ImportJobHandler> handlers() {
        if (byKind == null) {
            byKind = handlers.stream().collect(Collectors.toMap(ImportJobHandler::kind, Function.identity()));
        }
        return byKind;
    }

    /** The oldest job that waits, or whose worker stopped, now this worker's. */
    private Optional<Claim> claim() {
        UUID token = UUID.randomUUID();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update import_job set status = 'RUNNING', claim = :token, attempts = attempts + 1,
                    started_at = coalesce(started_at, now()), heartbeat_at = now(), rows_read = 0
                where id = (select id from import_job
                            where kind in (:kinds) and (status = 'QUEUED' or (status = 'RUNNING'
                                  and heartbeat_at < now() - make_interval(secs => :lease)))
                            order by submitted_at limit 1 for update skip locked)
                returning id""")
                .setParameter("token", token)
                .setParameter("kinds", List.copyOf(handlers().keySet()))
                .setParameter("lease", (double) config.lease().toSeconds())
                .getResultList().stream().findFirst().map(id -> new Claim((UUID) id, token)));
    }

    private void run(Claim claim) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(claim.job()));
        if (job.attempts > config.maxAttempts()) {
            LOG.errorf("Import job %s stopped its worker %d times; it fails", job.id, job.attempts - 1);
            fail(claim, new ProblemException(500, "import.job-interrupted", "Internal Server Error", "The import "
                    + "stopped " + (job.attempts - 1) + " times before it ended; nothing was stored. Send the file again, "
                    + "or split it, and tell the operators the job's id."));
            return;
        }
        running.set(claim);
        Progress progress = new Progress(claim);
        try {
            QuarkusTransaction.requiringNew().timeout((int) config.timeout().toSeconds()).run(() -> {
                BulkAnswer answer = handlers().get(job.kind).run(job, new ChunkedBody(dataSource, job.id), progress);
                finish(claim, "status = 'DONE', rows_read = :rows, answer = cast(:json as jsonb)", asJson(answer),
                        Map.of("rows", progress.rows));
            });
            LOG.infof("Import job %s (%s, %d bytes) done after %d rows", job.id, job.kind, job.size, progress.rows);
        } catch (RuntimeException e) {
            Throwable cause = rootOf(e);
            if (cause instanceof Superseded) {
                LOG.warn(cause.getMessage());
            } else if (cause instanceof ProblemException problem) {
                LOG.infof("Import job %s (%s) refused: %s %s", job.id, job.kind, problem.code(), problem.getMessage());
                fail(claim, problem);
            } else {
                LOG.errorf(e, "Import job %s failed", job.id);
                fail(claim, new ProblemException(500, "import.job-failed", "Internal Server Error", "The import failed "
                        + "unexpectedly; nothing was stored. Tell the operators the job's id."));
            }
        } finally {
            running.set(null);
        }
    }

    private void fail(Claim claim, ProblemException problem) {
        Problem body = new Problem(Problem.typeOf(problem.code()), problem.title(), problem.status(), problem.getMessage(),
                problem.code(), null, problem.violations());
        try {
            QuarkusTransaction.requiringNew().run(() -> finish(claim,
                    "status = 'FAILED', problem = cast(:json as jsonb)", asJson(body), Map.of()));
        } catch (RuntimeException e) {
            // Superseded, or the database is gone: the job stays RUNNING and is claimed again once its lease lapses.
            LOG.warnf("Import job %s could not be marked failed: %s", claim.job(), rootOf(e).getMessage());
        }
    }

    /**
     * Ends the job with {@code assignments} (naming :json), and drops its body, if it is still this worker's;
     * otherwise the whole run rolls back.
     */
    private void finish(Claim claim, String assignments, String json, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("json", json);
        if (update(claim, "finished_at = now(), " + assignments, all) == 0) {
            throw new Superseded(claim.job());
        }
        em.createNativeQuery("delete from import_job_chunk where job_id = :id").setParameter("id", claim.job())
                .executeUpdate();
    }

    private int update(Claim claim, String assignments, Map<String, Object> values) {
        var query = em.createNativeQuery("update import_job set " + assignments
                + " where id = :id and claim = :token and status = 'RUNNING'")
                .setParameter("id", claim.job()).setParameter("token", claim.token());
        values.forEach(query::setParameter);
        return query.executeUpdate();
    }

    private String asJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answers are always JSON", e);
        }
    }

    private static Throwable rootOf(Throwable e) {
        Throwable cause = e;
        while (!(cause instanceof ProblemException || cause instanceof Superseded) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Writes the rows read now and then, in a transaction of its own so that readers of the job see it. */
    private final class Progress implements ImportProgress {

        private final Claim claim;
        private long rows;
        private long written;

        Progress(Claim claim) {
            this.claim = claim;
        }

        @Override
        public void rowsRead(long rows) {
            this.rows = rows;
            if (rows - written >= PROGRESS_ROWS) {
                written = rows;
                QuarkusTransaction.requiringNew().run(() -> update(claim, "rows_read = :rows, heartbeat_at = now()",
                        Map.of("rows", rows)));
            }
        }
    }
}
