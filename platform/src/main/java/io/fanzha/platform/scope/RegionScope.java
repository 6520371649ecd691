package io.fanzha.platform.scope;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller's region scope: the region named by the token's {@code region} claim and every
 * region below it, or every region for the claim {@value RegionCode#NATIONAL}. Every resource asks this one bean
 * whether the caller may touch a region; a region outside the scope is a 403, never a silently filtered write.
 */
@RequestScoped
public class RegionScope {

    public static final String CLAIM = "region";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    // This bean lives for one request, so the claim is read and checked once.
    private String home;

    /**
     * The caller's scope as the claim names it: a region code, or {@value RegionCode#NATIONAL}. A caller without
     * any Fanzha role has none.
     */
    public String home() {
        if (home == null) {
            if (!Roles.holdsAny(identity.getRoles(), Roles.ALL)) {
                throw ProblemException.forbidden("auth.forbidden", "Your token carries no Fanzha role.");
            }
            home = readHome();
        }
        return home;
    }

    private String readHome() {
        Object claim = token.getClaim(CLAIM);
        String value = claim == null ? null : claim.toString();
        if (value == null || !(RegionCode.NATIONAL.equals(value) || RegionCode.isValid(value))) {
            throw ProblemException.forbidden("scope.missing",
                    "Your token carries no valid region claim, so no region is in your scope.");
        }
        return value;
    }

    public boolean isNational() {
        return RegionCode.NATIONAL.equals(home());
    }

    /** For what affects every county (the fraud-category catalogue, rebuilding read models): 403 below CN. */
    public void assertNational(String detail) {
        if (!isNational()) {
            throw ProblemException.forbidden("scope.forbidden", detail);
        }
    }

    public boolean covers(RegionCode region) {
        return region.isWithin(home());
    }

    /**
     * The code prefix of the subtree a list shows: the caller's whole scope when {@code within} is null ({@code ""}
     * for the national scope), else {@code within}, which must be readable.
     */
    public String subtreePrefix(String within) {
        if (within != null) {
            return assertReadable(within).value();
        }
        return isNational() ? "" : home();
    }

    /** Asserts that the caller may read data of this region; returns the parsed code. */
    public RegionCode assertReadable(String regionCode) {
        RegionCode region = parse(regionCode);
        if (!covers(region)) {
            throw outside(region);
        }
        return region;
    }

    /**
     * Asserts that the caller may change data of this region. Resources check the exact role with
     * {@code @RolesAllowed}; this adds the scope and, as a second wall, the allow-list {@link Roles#WRITERS}.
     */
    public RegionCode assertWritable(String regionCode) {
        RegionCode region = assertReadable(regionCode);
        if (!Roles.holdsAny(identity.getRoles(), Roles.WRITERS)) {
            throw ProblemException.forbidden("auth.forbidden", "Your role may only read.");
        }
        return region;
    }

    /**
     * A record looked up by id, if it exists ({@code missing}, a 404, otherwise) and the caller may read its region
     * (403 otherwise): the one check every "get one" and "change one" starts with.
     */
    public <T> T readable(Optional<T> found, Function<T, String> regionOf, Supplier<ProblemException> missing) {
        T record = found.orElseThrow(missing);
        assertReadable(regionOf.apply(record));
        return record;
    }

    /**
     * As {@link #readable}, and also a record of a region above the caller's scope: a plan that reaches into it (a
     * village worker reads her township's station and her county's campaign and tasks). Only for reading plans.
     */
    public <T> T readableOrAbove(Optional<T> found, Function<T, String> regionOf, Supplier<ProblemException> missing) {
        T record = found.orElseThrow(missing);
        if (!above().contains(regionOf.apply(record))) {
            assertReadable(regionOf.apply(record));
        }
        return record;
    }

    /** The regions above the caller's scope, nearest last (a village's county and township); none for national. */
    public List<String> above() {
        if (isNational()) {
            return List.of();
        }
        List<RegionCode> chain = RegionCode.parse(home()).ancestorsAndSelf();
        return chain.subList(0, chain.size() - 1).stream().map(RegionCode::value).toList();
    }

    /** As {@link #readable}, and the caller may also change what is in the record's region. */
    public <T> T writable(Optional<T> found, Function<T, String> regionOf, Supplier<ProblemException> missing) {
        T record = readable(found, regionOf, missing);
        assertWritable(regionOf.apply(record));
        return record;
    }

    /** Whether the caller may read personal contact data (liaisons' and group owners' phone numbers). */
    public boolean readsContacts() {
        return Roles.holdsAny(identity.getRoles(), Roles.CONTACT_READERS);
    }

    /** Whether the caller manages the plan of its scope, and so may correct entries others made there. */
    public boolean manages() {
        return Roles.holdsAny(identity.getRoles(), Roles.MANAGERS);
    }

    /**
     * For a write that touches many regions (a bulk import): asserts that the caller holds a role that changes
     * records, and returns the code prefix of the regions it may write ({@code ""} for the national scope).
     */
    public String writablePrefix() {
        String prefix = subtreePrefix(null);
        if (!Roles.holdsAny(identity.getRoles(), Roles.WRITERS)) {
            throw ProblemException.forbidden("auth.forbidden", "Your role may only read.");
        }
        return prefix;
    }

    private static RegionCode parse(String regionCode) {
        try {
            return RegionCode.parse(regionCode);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("region.code-invalid", e.getMessage());
        }
    }

    private ProblemException outside(RegionCode region) {
        return ProblemException.forbidden("scope.forbidden",
                "Region " + region + " is outside your scope " + home() + ".");
    }
}
