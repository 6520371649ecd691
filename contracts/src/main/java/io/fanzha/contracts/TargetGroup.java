package io.fanzha.contracts;

/**
 * The groups outreach is aimed at (docs/units.md): the seed plans name schools and parents (education bureau),
 * finance staff (finance bureau), women (women's federation), bank staff (the central bank branch) and the public
 * reached by SMS (carriers). A fixed list shared by every service.
 */
public enum TargetGroup {
    ELDERLY,
    STUDENTS,
    PARENTS,
    TEACHERS,
    YOUTH,
    WOMEN,
    FINANCE_STAFF,
    BANK_STAFF,
    ENTERPRISE_STAFF,
    PUBLIC_SERVANTS,
    MERCHANTS,
    RURAL_RESIDENTS,
    MIGRANT_WORKERS,
    GENERAL_PUBLIC
}
