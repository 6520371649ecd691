package io.fanzha.outreach.record;

/** Where an inspector's check of a record stands. A rejected record never counts, like a voided one. */
public enum ReviewState {
    /** Not reviewed yet, or changed since its review. */
    PENDING,
    APPROVED,
    /** Counts, with something to fix (the comment says what). */
    HAS_ISSUES,
    /** Judged not to have happened as logged (a faked record): never counts. */
    REJECTED
}
