package io.fanzha.casestats.report;

/** What a push does with each row, in the manner of DHIS2's data value sets. */
public enum ImportStrategy {
    /** New rows are created, existing ones updated (the default). */
    CREATE_AND_UPDATE,
    /** Only new rows; a row that exists is a conflict (case-report.exists). */
    CREATE,
    /** Only existing rows; a row that does not exist is a conflict (case-report.not-found). */
    UPDATE,
    /** The rows' keys are deleted; a key that does not exist is ignored. */
    DELETE
}
