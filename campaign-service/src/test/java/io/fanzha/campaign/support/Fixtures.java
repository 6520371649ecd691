package io.fanzha.campaign.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;

/** Test data shared by the test classes of one Quarkus boot; whichever test runs first creates it. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Creates the region through the API (as the calling test's identity) unless it is already there. */
    public static void ensureRegion(String code, String name) {
        int status = given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"residentHouseholds\":50000,\"population\":150000}")
                .post("/api/v1/regions").then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "region " + code + " created or already there, got " + status);
    }
}
