package io.fanzha.outreach.evidence;

import java.io.InputStream;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The object store that holds evidence files, keyed by their SHA-256: the same bytes are stored once, whatever record
 * or name they come under. S3Proxy locally; MinIO, Ceph or a cloud store in production (configuration only).
 */
@ApplicationScoped
public class EvidenceStore {

    @Inject
    S3Client s3;

    @ConfigProperty(name = "fanzha.evidence.bucket")
    String bucket;

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
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key(sha256)).contentType(contentType).build(),
                RequestBody.fromFile(file));
    }

    /** The stored bytes, streamed; the caller closes the stream. */
    public InputStream open(String sha256) {
        return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key(sha256)).build());
    }

    private static String key(String sha256) {
        return "sha256/" + sha256.substring(0, 2) + "/" + sha256;
    }
}
