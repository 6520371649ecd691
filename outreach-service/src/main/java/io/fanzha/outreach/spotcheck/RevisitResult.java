package io.fanzha.outreach.spotcheck;

/** What a revisit of a sampled household found. */
public enum RevisitResult {
    /** The household confirms the visit. */
    CONFIRMED,
    /** Nobody could be reached: the visit is neither confirmed nor denied. */
    NOT_REACHED,
    /** The household says nobody came: the record goes under review. */
    DENIED
}
