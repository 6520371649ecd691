package io.fanzha.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.fanzha.e2e.stack.Stack;
import io.fanzha.e2e.stack.Tokens;

/** The realm locks an account for a while after ten wrong passwords in a row (docs/operations.md, "Accounts"). */
class PasswordGuessingIT {

    @Test
    void tenWrongPasswordsInARowLockTheAccountEvenForTheRightOne() {
        String username = "e2e-guessed-" + UUID.randomUUID().toString().substring(0, 8);
        int created = given().auth().oauth2(Tokens.realmAdmin()).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "email", username + "@example.org",
                        "firstName", "Guessed", "lastName", "Account",
                        "attributes", Map.of("region", List.of("341825")),
                        "credentials", List.of(Map.of("type", "password", "value", "right-one", "temporary", false))))
                .post(Stack.get().keycloak() + "/admin/realms/fanzha/users").then().extract().statusCode();
        if (created != 201) {
            throw new IllegalStateException("could not create " + username + ": " + created);
        }
        login(username, "right-one").statusCode(200);

        for (int attempt = 1; attempt <= 10; attempt++) {
            login(username, "guess-" + attempt).statusCode(401);
        }

        // Keycloak does not tell a guesser that the account is locked: the right password simply stops working.
        login(username, "right-one").statusCode(anyOf(is(400), is(401))).body("error", equalTo("invalid_grant"));
    }

    private static io.restassured.response.ValidatableResponse login(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "fanzha-web")
                .formParam("username", username).formParam("password", password)
                .post(Stack.get().keycloak() + "/realms/fanzha/protocol/openid-connect/token").then();
    }
}
