package io.fanzha.outreach.evidence;

import static io.fanzha.outreach.support.EvidenceFiles.digest;
import static io.fanzha.outreach.support.EvidenceFiles.sha256;
import static io.fanzha.outreach.support.EvidenceFiles.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.fanzha.contracts.EventTypes;
import io.fanzha.outreach.plan.Plan;
import io.fanzha.outreach.support.CampaignEvents;
import io.fanzha.outreach.support.EvidenceFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A field worker uploads the photo of a signed notice to her visit: checked against its declared digest, sniffed,
 * stored once in the real S3Proxy of ./fanzha test, and given back byte for byte; a wrong digest, an oversized file
 * and an executable named .jpg are refused and leave nothing in the store. In a county of its own (341830).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final UUID UNIT = UUID.fromString("8d3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b");
    static final UUID VISIT = UUID.randomUUID();
    static final byte[] PHOTO = EvidenceFiles.uniquePng();

    @Inject
    Plan plan;

    @Inject
    EvidenceStore store;

    @Inject
    EntityManager em;

    @Test
    @Order(1)
    @TestSecurity(user = "worker-30", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341830"))
    void aPhotoOfTheSignedNoticeRoundTrips() throws Exception {
        CampaignEvents.regions("村", "341830", "341830100", "341830100201");
        CampaignEvents.unit(UNIT, "某派出所", "341830100");
        CampaignEvents.awaitKnown(plan, "341830100201", UNIT);
        given().contentType(ContentType.JSON).body("""
                {"id": "%s", "kind": "DOOR_TO_DOOR", "occurredAt": "2024-01-15T10:30:00+08:00", "regionCode": "341830100201",
                 "unitId": "%s", "targetGroup": "ELDERLY", "household": {"ref": "HH-30", "noticeSigned": true}}"""
                .formatted(VISIT, UNIT)).post("/api/v1/outreach").then().statusCode(201);

        upload(VISIT, "notice.png", PHOTO, digest(PHOTO)).statusCode(201).body("contentType", equalTo("image/png"))
                .body("sha256", equalTo(sha256(PHOTO))).body("size", equalTo(PHOTO.length));
        upload(VISIT, "notice.png", PHOTO, digest(PHOTO)).statusCode(200);
        byte[] back = given().get("/api/v1/outreach/" + VISIT + "/evidence/notice.png").then().statusCode(200)
                .contentType("image/png").header("Repr-Digest", digest(PHOTO)).extract().asByteArray();
        assertArrayEquals(PHOTO, back);
        given().get("/api/v1/outreach/" + VISIT + "/evidence").then().statusCode(200).body("name", equalTo(List.of("notice.png")));
        // Announced once, with the hash that lets reporting recognise the same photo elsewhere.
        List<?> announced = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select payload ->> 'sha256' from outbox_event where event_type = ?1 and subject = ?2")
                .setParameter(1, EventTypes.EVIDENCE_ADDED).setParameter(2, VISIT.toString()).getResultList());
        assertEquals(List.of(sha256(PHOTO)), announced);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "worker-30", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341830"))
    void whatIsNotWhatItClaimsIsRefusedAndNotStored() throws Exception {
        byte[] other = PHOTO.clone();
        other[other.length - 20] ^= 1;
        upload(VISIT, "other.png", other, digest(PHOTO)).statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("evidence.digest-mismatch"));
        assertFalse(store.holds(sha256(other)));
        upload(VISIT, "other.png", other, null).statusCode(400).body("code", equalTo("evidence.digest-missing"));
        upload(VISIT, "other.png", other, "sha-256=:not base64:").statusCode(400).body("code", equalTo("evidence.digest-invalid"));

        byte[] large = new byte[12 * 1024 * 1024 + 1];
        new Random(3).nextBytes(large);
        upload(VISIT, "large.mp4", large, digest(large)).statusCode(413).body("code", equalTo("evidence.too-large"));
        assertFalse(store.holds(sha256(large)));

        byte[] program = new byte[4096];
        new Random(5).nextBytes(program);
        System.arraycopy("MZ".getBytes(), 0, program, 0, 2);
        System.arraycopy(new byte[] { (byte) 0x80, 0, 0, 0 }, 0, program, 0x3c, 4);
        System.arraycopy("PE\0\0".getBytes(), 0, program, 0x80, 4);
        upload(VISIT, "photo.jpg", program, digest(program)).statusCode(415).body("code", equalTo("evidence.type-unsupported"));
        assertFalse(store.holds(sha256(program)));

        upload(VISIT, "notice.png", EvidenceFiles.png(32, 32, 0), digest(EvidenceFiles.png(32, 32, 0))).statusCode(409)
                .body("code", equalTo("evidence.conflict"));
        upload(VISIT, "bad name", PHOTO, digest(PHOTO)).statusCode(400);
        upload(UUID.randomUUID(), "notice.png", PHOTO, digest(PHOTO)).statusCode(404).body("code", equalTo("outreach.not-found"));
        given().get("/api/v1/outreach/" + VISIT + "/evidence").then().body("name", equalTo(List.of("notice.png")));
        given().get("/api/v1/outreach/" + VISIT + "/evidence/other.png").then().statusCode(404)
                .body("code", equalTo("evidence.not-found"));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "worker-30", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341830"))
    void aVideoLongerThanAPartGoesInPartsAndComesBackWhole() throws Exception {
        // An MP4's first box names its brand; the rest is the film. 11 MB: three parts of at most 5 MiB in tests.
        byte[] video = new byte[11 * 1024 * 1024];
        new Random(System.nanoTime()).nextBytes(video);
        byte[] ftyp = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'm', 'p', '4', '2', 'i', 's', 'o',
            'm' };
        System.arraycopy(ftyp, 0, video, 0, ftyp.length);
        FlakyParts.ATTEMPTS.clear();
        upload(VISIT, "talk.mp4", video, digest(video)).statusCode(201).body("contentType", equalTo("video/mp4"))
                .body("size", equalTo(video.length));
        assertEquals(List.of(1, 2, 3), FlakyParts.ATTEMPTS.stream().distinct().toList());
        byte[] back = given().get("/api/v1/outreach/" + VISIT + "/evidence/talk.mp4").then().statusCode(200)
                .contentType("video/mp4").extract().asByteArray();
        assertArrayEquals(video, back);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "worker-30", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341830"))
    void anUploadCutOffMidwayLeavesNothingListed() throws Exception {
        byte[] video = new byte[2 * 1024 * 1024];
        new Random(17).nextBytes(video);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/outreach/" + VISIT + "/evidence/lecture.mp4 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/octet-stream\r\nRepr-Digest: " + digest(video) + "\r\n"
                    + "Content-Length: " + video.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(video, 0, video.length / 2);
            out.flush();
        }
        // The same name is free afterwards: the cut upload took nothing, and a whole one after it is stored.
        byte[] whole = EvidenceFiles.uniquePng();
        upload(VISIT, "lecture.mp4", whole, digest(whole)).statusCode(201);
        assertFalse(store.holds(sha256(video)));
        given().get("/api/v1/outreach/" + VISIT + "/evidence").then()
                .body("name", equalTo(List.of("lecture.mp4", "notice.png", "talk.mp4")))
                .body("find { it.name == 'lecture.mp4' }.sha256", equalTo(sha256(whole)));
    }

    @Test
    @Order(5)
    @TestSecurity(user = "worker-31", roles = "field-worker")
    @OidcSecurity(claims = @Claim(key = "region", value = "341830"))
    void anotherWorkerUploadsNothingToHerVisit() throws Exception {
        upload(VISIT, "mine.png", PHOTO, digest(PHOTO)).statusCode(403).body("code", equalTo("outreach.not-yours"));
        given().get("/api/v1/outreach/" + VISIT + "/evidence").then().statusCode(403);
    }

    @Test
    @Order(6)
    @TestSecurity(user = "inspector-30", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341830"))
    void anInspectorOpensTheFileButUploadsNone() throws Exception {
        given().get("/api/v1/outreach/" + VISIT + "/evidence/notice.png").then().statusCode(200);
        upload(VISIT, "mine.png", PHOTO, digest(PHOTO)).statusCode(403);
    }

    @Test
    @Order(7)
    @TestSecurity(user = "inspector-99", roles = "inspector")
    @OidcSecurity(claims = @Claim(key = "region", value = "341825"))
    void anotherCountyOpensNothing() {
        given().get("/api/v1/outreach/" + VISIT + "/evidence/notice.png").then().statusCode(403)
                .body("code", equalTo("scope.forbidden"));
    }
}
