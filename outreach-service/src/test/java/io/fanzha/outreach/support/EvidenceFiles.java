package io.fanzha.outreach.support;

import static io.restassured.RestAssured.given;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import io.restassured.response.ValidatableResponse;

/** Photos for evidence tests, their digests, and their upload. */
public final class EvidenceFiles {

    private static final AtomicInteger MADE = new AtomicInteger();

    private EvidenceFiles() {
    }

    /** A small PNG: the same bytes for the same arguments. */
    public static byte[] png(int width, int height, int color) {
        return png(width, height, color, 0);
    }

    /**
     * A small PNG unlike any other made before, in this run or an earlier one (the test database and store may keep
     * earlier runs' files, which would otherwise share its hash).
     */
    public static byte[] uniquePng() {
        return png(40, 30, 0x1E90FF, System.nanoTime() ^ MADE.incrementAndGet());
    }

    private static byte[] png(int width, int height, int color, long mark) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(width / 4, height / 4, color);
        for (int bit = 0; bit < 64; bit++) {
            image.setRGB(bit % width, height - 1 - bit / width, (mark >>> bit & 1) == 1 ? 0xFFFFFF : 0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(hash(bytes));
    }

    /** The RFC 9530 Repr-Digest of the bytes. */
    public static String digest(byte[] bytes) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(hash(bytes)) + ":";
    }

    private static byte[] hash(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Uploads the bytes with their own digest. */
    public static ValidatableResponse upload(UUID record, String name, byte[] bytes) {
        return upload(record, name, bytes, digest(bytes));
    }

    /** Uploads the bytes with the digest given, or none. */
    public static ValidatableResponse upload(UUID record, String name, byte[] bytes, String reprDigest) {
        var request = given().contentType("application/octet-stream").body(bytes);
        if (reprDigest != null) {
            request = request.header("Repr-Digest", reprDigest);
        }
        return request.put("/api/v1/outreach/" + record + "/evidence/" + name).then();
    }
}
