package io.fanzha.e2e;

import static io.restassured.RestAssured.given;

import io.fanzha.e2e.stack.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls through the gateway, the way frontends, mobile apps and agency systems do. */
final class Api {

    static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    static RequestSpecification as(String token) {
        return given().baseUri(Stack.get().gateway()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification anonymous() {
        return given().baseUri(Stack.get().gateway()).contentType(ContentType.JSON);
    }

    static ValidatableResponse createRegion(String token, String code, String name) {
        return as(token).body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"residentHouseholds\":100}")
                .post("/api/v1/regions").then();
    }

    /** Creates the region unless an earlier test already did. */
    static void ensureRegion(String token, String code, String name) {
        int status = createRegion(token, code, name).extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("creating region " + code + " answered " + status);
        }
    }
}
