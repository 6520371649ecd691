package io.fanzha.outreach.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.io.input.BoundedInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The object store that holds evidence files, keyed by their SHA-256: the same bytes are stored once, whatever record
 * or name they come under. S3Proxy locally; MinIO, Ceph or a cloud store in production (configuration only).
 *
 * <p>A file longer than one part is sent as a multipart upload, part by part from the spooled file: a part that fails
 * on the way is sent again by the SDK's retry policy (each attempt re-reads its slice of the file), and an upload that
 * still fails is aborted, so the store never holds half a file under a hash.
 */
@ApplicationScoped
public class EvidenceStore {

    private static final Logger LOG = Logger.getLogger(EvidenceStore.class);
    /** S3's smallest part but the last. */
    private static final long MIN_PART = 5L * 1024 * 1024;

    @Inject
    S3Client s3;

    @ConfigProperty(name = "fanzha.evidence.bucket")
    String bucket;

    @ConfigProperty(name = "fanzha.evidence.part-size", defaultValue = "8M")
    MemorySize partSize;

    /** Whether the object of these bytes is stored already. */
    public boolean holds(String sha256) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key(sha256)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    /** Stores a file the caller has checked, under its hash; a file of the same hash stored before is kept. */
    public void put(String sha256, Path file, String contentType) {
        long size = size(file);
        long part = Math.max(MIN_PART, partSize.asLongValue());
        if (size <= part) {
            // The hash checked on the way in goes with the bytes, for a store that verifies checksums (S3, MinIO,
            // Ceph) to check what it received; the SDK then computes no checksum of its own.
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key(sha256)).contentType(contentType)
                    .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))).build(),
                    RequestBody.fromFile(file));
        } else {
            putInParts(key(sha256), file, size, part, contentType);
        }
    }

    private void putInParts(String key, Path file, long size, long part, String contentType) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int number = 1; (number - 1) * part < size; number++) {
                long offset = (number - 1) * part;
                long length = Math.min(part, size - offset);
                int partNumber = number;
                String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength(length), RequestBody.fromContentProvider(() -> slice(file, offset, length), length,
                                "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                // The store's lifecycle rule for incomplete uploads clears it; nothing lists it meanwhile.
                LOG.warnf(abortFailed, "Multipart upload %s of %s could not be aborted", uploadId, key);
            }
            throw e;
        }
    }

    /** The stored bytes, streamed; the caller closes the stream. */
    public InputStream open(String sha256) {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key(sha256)).build());
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return BoundedInputStream.builder().setInputStream(in).setMaxCount(length).get();
        } catch (IOException e) {
            throw new UncheckedIOException("The spooled upload could not be read", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The spooled upload could not be read", e);
        }
    }

    private static String key(String sha256) {
        return "sha256/" + sha256.substring(0, 2) + "/" + sha256;
    }
}
