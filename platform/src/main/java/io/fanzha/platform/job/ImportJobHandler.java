package io.fanzha.platform.job;

import java.io.InputStream;

import io.fanzha.platform.bulk.BulkAnswer;

/**
 * One kind of bulk request that may run as a job. A CDI bean implementing it is found by its {@link #kind()}; the
 * runner calls it in the job's transaction, with the stored body, and stores its answer in the same transaction.
 */
public interface ImportJobHandler {

    /** The kind named at submission, for example "case-reports". */
    String kind();

    /**
     * Imports the body as the direct request would, and answers what it would have answered. A
     * {@link io.fanzha.platform.problem.ProblemException} fails the job with that problem; nothing is stored then.
     */
    BulkAnswer run(ImportJob job, InputStream body, ImportProgress progress);
}
