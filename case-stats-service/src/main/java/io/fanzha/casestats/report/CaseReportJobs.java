package io.fanzha.casestats.report;

import java.io.InputStream;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.bulk.BulkRows;
import io.fanzha.platform.job.ImportJob;
import io.fanzha.platform.job.ImportJobHandler;
import io.fanzha.platform.job.ImportProgress;

/** A large push of case reports, run as a job: the same import, within the scope and as the caller it was sent by. */
@ApplicationScoped
public class CaseReportJobs implements ImportJobHandler {

    static final String KIND = "case-reports";

    @Inject
    CaseReportImport imports;

    /** The push's query parameters a job keeps. */
    static Map<String, String> parameters(ImportStrategy strategy, boolean dryRun, boolean atomic) {
        return Map.of("importStrategy", strategy.name(), "dryRun", String.valueOf(dryRun), "atomic", String.valueOf(atomic));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public BulkAnswer run(ImportJob job, InputStream body, ImportProgress progress) {
        return imports.run(new CaseReportImport.Request(body, BulkRows.Format.of(job.mediaType),
                ImportStrategy.valueOf(job.parameter("importStrategy", ImportStrategy.CREATE_AND_UPDATE.name())),
                Boolean.parseBoolean(job.parameter("dryRun", "false")), Boolean.parseBoolean(job.parameter("atomic", "false")),
                job.scopePrefix, job.submittedBy, job.id, progress));
    }
}
