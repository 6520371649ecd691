package io.fanzha.outreach.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.tika.Tika;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.EvidenceData;
import io.fanzha.contracts.Topics;
import io.fanzha.outreach.record.OutreachRecords;
import io.fanzha.outreach.record.OutreachWriter;
import io.fanzha.platform.event.Outbox;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Takes an evidence file (docs/outreach.md, "Evidence"): streamed to a temporary file while its SHA-256 is computed
 * and its size counted, checked against the digest the client declared and against the types evidence may be (as
 * sniffed from the bytes), stored once under its hash, and only then listed on its record and announced
 * ({@code fanzha.outreach.evidence-added.v1}).
 */
@ApplicationScoped
public class EvidenceUploads {

    /** RFC 9530: {@code sha-256=:<base64>:}, possibly among other algorithms. */
    private static final Pattern SHA_256 = Pattern.compile("(?:^|,)\\s*sha-256=:([A-Za-z0-9+/=]+):");
    /** Photos, videos and documents; anything else (an executable named .jpg) is refused. */
    static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/heic", "image/heif",
            "video/mp4", "video/quicktime", "application/pdf");
    private static final Tika TIKA = new Tika();

    @Inject
    EvidenceStore store;

    @Inject
    OutreachRecords records;

    @Inject
    OutreachWriter writer;

    @Inject
    EvidenceFlags flags;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "fanzha.evidence.max-size", defaultValue = "100M")
    MemorySize maxSize;

    /**
     * What an upload did: stored anew (true) or found the same file under the same name (false), and how many of the
     * files its record said would follow are still missing (null: it said none).
     */
    public record Upload(Evidence evidence, boolean created, Integer missing) {
    }

    public Upload upload(UUID recordId, String name, String reprDigest, InputStream body, OutreachWriter.Caller caller) {
        String regionCode = records.changeable(recordId, caller).regionCode;
        byte[] declared = declared(reprDigest);
        Path file = null;
        try {
            file = Files.createTempFile("fanzha-evidence", ".upload");
            byte[] actual = spool(body, file);
            if (!MessageDigest.isEqual(declared, actual)) {
                throw ProblemException.badRequest("evidence.digest-mismatch", "The file's SHA-256 is "
                        + Base64.getEncoder().encodeToString(actual) + ", not the one Repr-Digest declares: it changed "
                        + "on the way; send it again.");
            }
            String type = TIKA.detect(file);
            if (!TYPES.contains(type)) {
                throw new ProblemException(415, "evidence.type-unsupported", "Unsupported Media Type", "The bytes are "
                        + type + ", whatever the name says; evidence is a photo (JPEG, PNG, WebP, HEIC), a video (MP4, "
                        + "QuickTime) or a PDF.", List.of());
            }
            String sha256 = HexFormat.of().formatHex(actual);
            if (!store.holds(sha256)) {
                store.put(sha256, file, type);
            }
            long size = Files.size(file);
            return QuarkusTransaction.requiringNew().call(() -> list(recordId, regionCode, name, sha256, size, type,
                    caller));
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /**
     * Lists the stored file on its record, counts it, and compares it with the same file on other records; the same
     * file under the same name again changes nothing. Holds the record's lock, so that files and edits of one record
     * take turns.
     */
    private Upload list(UUID recordId, String regionCode, String name, String sha256, long size, String type,
            OutreachWriter.Caller caller) {
        writer.lock(List.of(recordId));
        Evidence earlier = Evidence.find("recordId = ?1 and name = ?2", recordId, name).firstResult();
        if (earlier != null) {
            if (!earlier.sha256.equals(sha256)) {
                throw ProblemException.conflict("evidence.conflict", "Record " + recordId + " has another file named "
                        + name + "; give this one another name.");
            }
            return new Upload(earlier, false, missing(recordId));
        }
        Evidence evidence = new Evidence();
        evidence.recordId = recordId;
        evidence.name = name;
        evidence.sha256 = sha256;
        evidence.size = size;
        evidence.contentType = type;
        evidence.uploadedBy = caller.user();
        evidence.uploadedAt = OutreachWriter.now();
        evidence.persist();
        outbox.publish(Topics.OUTREACH, EventTypes.EVIDENCE_ADDED, RegionCode.parse(regionCode).eventKey().value(),
                recordId.toString(), new EvidenceData(recordId, regionCode, name, sha256, size, type, evidence.uploadedBy,
                        evidence.uploadedAt));
        Evidence.getEntityManager().createNativeQuery("update outreach_record set evidence_received = evidence_received + 1 "
                + "where id = ?1").setParameter(1, recordId).executeUpdate();
        flags.check(recordId, sha256);
        return new Upload(evidence, true, missing(recordId));
    }

    private static Integer missing(UUID recordId) {
        Object[] counts = (Object[]) Evidence.getEntityManager().createNativeQuery("select evidence_expected, "
                + "evidence_received from outreach_record where id = ?1").setParameter(1, recordId).getSingleResult();
        return counts[0] == null ? null : Math.max(0, ((Number) counts[0]).intValue() - ((Number) counts[1]).intValue());
    }

    private static byte[] declared(String reprDigest) {
        if (reprDigest == null) {
            throw ProblemException.badRequest("evidence.digest-missing", "Declare the file's SHA-256 in a Repr-Digest "
                    + "header (RFC 9530), such as Repr-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        }
        Matcher match = SHA_256.matcher(reprDigest);
        byte[] digest = null;
        if (match.find()) {
            try {
                digest = Base64.getDecoder().decode(match.group(1));
            } catch (IllegalArgumentException e) {
                digest = null;
            }
        }
        if (digest == null || digest.length != 32) {
            throw ProblemException.badRequest("evidence.digest-invalid", "Repr-Digest names no sha-256 of 32 bytes in "
                    + "base64 between colons.");
        }
        return digest;
    }

    /** Copies the body to the file, refusing it once it passes the limit; answers its SHA-256. */
    private byte[] spool(InputStream body, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        long limit = maxSize.asLongValue();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
            for (int read = read(body, buffer); read >= 0; read = read(body, buffer)) {
                total += read;
                if (total > limit) {
                    throw new ProblemException(413, "evidence.too-large", "Content Too Large", "An evidence file is at "
                            + "most " + limit + " bytes.", List.of());
                }
                out.write(buffer, 0, read);
            }
        }
        return sha.digest();
    }

    /** Reads the next bytes of the body; a connection lost midway is the client's to retry, not a server error. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw ProblemException.badRequest("evidence.incomplete", "The upload ended before its last byte ("
                    + e.getMessage() + "); nothing was kept: send it again.");
        }
    }
}
