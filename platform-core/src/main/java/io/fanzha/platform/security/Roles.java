package io.fanzha.platform.security;

import java.util.Set;

/**
 * The realm roles (docs/api.md, "Roles and scope"), as constants for {@code @RolesAllowed}. Permissions are
 * allow-lists: Keycloak's default roles ({@code default-roles-fanzha}, {@code offline_access}, …) and any role
 * not named here grant nothing.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String COORDINATOR = "coordinator";
    public static final String FIELD_WORKER = "field-worker";
    public static final String AGENCY_REPORTER = "agency-reporter";
    public static final String INSPECTOR = "inspector";
    public static final String VIEWER = "viewer";

    /** Every Fanzha role: a caller holding none of them may read nothing. */
    public static final Set<String> ALL = Set.of(ADMIN, COORDINATOR, FIELD_WORKER, AGENCY_REPORTER, INSPECTOR, VIEWER);

    /**
     * The roles that change a region's records. Inspectors write only their review decisions, which their own
     * endpoints allow; viewers never write.
     */
    public static final Set<String> WRITERS = Set.of(ADMIN, COORDINATOR, FIELD_WORKER, AGENCY_REPORTER);

    /** The roles that manage a region's plan (campaigns, units, groups) and may correct anyone's entries in it. */
    public static final Set<String> MANAGERS = Set.of(ADMIN, COORDINATOR);

    /**
     * The roles that may read personal contact data (liaisons' and group owners' phone numbers); viewers, field
     * workers and agency systems read the rest of the record without it.
     */
    public static final Set<String> CONTACT_READERS = Set.of(ADMIN, COORDINATOR, INSPECTOR);

    /** True when {@code held} contains one of the {@code allowed} roles. */
    public static boolean holdsAny(Set<String> held, Set<String> allowed) {
        return held.stream().anyMatch(allowed::contains);
    }

    private Roles() {
    }
}
