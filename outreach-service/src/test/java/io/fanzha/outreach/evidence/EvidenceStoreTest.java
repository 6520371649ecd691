package io.fanzha.outreach.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The real S3Proxy of ./fanzha test holds a file under its hash and gives it back byte for byte; a file longer than a
 * part (5 MiB in tests) goes in parts, a lost part is sent again, and an upload whose part keeps failing stores nothing.
 */
@QuarkusTest
class EvidenceStoreTest {

    @Inject
    EvidenceStore store;

    /** Other tests' uploads count too (the interceptor is the service's): each test starts and ends calm. */
    @BeforeEach
    @AfterEach
    void calm() {
        FlakyParts.FAILURES.set(0);
        FlakyParts.ATTEMPTS.clear();
    }

    @Test
    void aFileRoundTripsByteForByte() throws Exception {
        roundTrip(3 * 1024 * 1024 + 17, 7);
        assertEquals(List.of(), FlakyParts.ATTEMPTS, "a file shorter than a part goes whole");
    }

    @Test
    void aLongFileGoesInPartsAndALostPartIsSentAgain() throws Exception {
        FlakyParts.FAILURES.set(1);
        roundTrip(11 * 1024 * 1024 + 5, 11);
        // Parts in order, the lost one sent again (the network here may make the SDK resend another part too).
        assertEquals(List.of(1, 2, 3), FlakyParts.ATTEMPTS.stream().distinct().toList());
        assertTrue(Collections.frequency(FlakyParts.ATTEMPTS, 2) >= 2, "attempts: " + FlakyParts.ATTEMPTS);
    }

    @Test
    void aPartThatKeepsFailingLeavesNothingStored() throws Exception {
        FlakyParts.FAILURES.set(100);
        byte[] bytes = random(6 * 1024 * 1024, 13);
        Path file = spooled(bytes);
        assertThrows(SdkException.class, () -> store.put(sha256(bytes), file, "video/mp4"));
        assertFalse(store.holds(sha256(bytes)));
        Files.delete(file);
    }

    private void roundTrip(int length, long seed) throws Exception {
        byte[] bytes = random(length, seed);
        String sha256 = sha256(bytes);
        Path file = spooled(bytes);
        assertFalse(store.holds(sha256));
        store.put(sha256, file, "application/octet-stream");
        assertTrue(store.holds(sha256));
        try (InputStream in = store.open(sha256)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        Files.delete(file);
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed ^ System.nanoTime()).nextBytes(bytes);
        return bytes;
    }

    private static Path spooled(byte[] bytes) throws Exception {
        Path file = Files.createTempFile("evidence", ".bin");
        Files.write(file, bytes);
        return file;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
