package io.fanzha.platform.security;

import java.util.Set;

/** The realm roles of DESIGN.md §4, as constants for {@code @RolesAllowed}. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String COORDINATOR = "coordinator";
    public static final String FIELD_WORKER = "field-worker";
    public static final String AGENCY_REPORTER = "agency-reporter";
    public static final String INSPECTOR = "inspector";
    public static final String VIEWER = "viewer";

    /** Roles that only ever read. */
    public static final Set<String> READ_ONLY = Set.of(INSPECTOR, VIEWER);

    private Roles() {
    }
}
