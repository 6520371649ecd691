package io.fanzha.outreach.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The real S3Proxy of ./fanzha test holds a file under its hash and gives it back byte for byte. */
@QuarkusTest
class EvidenceStoreTest {

    @Inject
    EvidenceStore store;

    @Test
    void aFileRoundTripsByteForByte() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path file = Files.createTempFile("evidence", ".bin");
        Files.write(file, bytes);
        assertFalse(store.holds(sha256));
        store.put(sha256, file, "application/octet-stream");
        assertTrue(store.holds(sha256));
        try (InputStream in = store.open(sha256)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        Files.delete(file);
    }
}
