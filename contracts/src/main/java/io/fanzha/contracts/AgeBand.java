package io.fanzha.contracts;

/** A victim's age band in an anonymized case record: never the date of birth. */
public enum AgeBand {
    UNDER_18,
    AGE_18_29,
    AGE_30_44,
    AGE_45_59,
    AGE_60_PLUS
}
