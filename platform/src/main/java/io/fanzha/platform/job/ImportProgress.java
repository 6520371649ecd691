package io.fanzha.platform.job;

/** Told how far an import has read, so that its job shows progress. */
@FunctionalInterface
public interface ImportProgress {

    /** For an import that is not a job. */
    ImportProgress NONE = rows -> {
    };

    /** Called for every row read; the runner writes it down now and then, not each time. */
    void rowsRead(long rows);
}
