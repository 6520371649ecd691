package io.fanzha.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link ApiContractFilter} among REST Assured's global filters before each test of a {@code @QuarkusTest},
 * in the class loader the test itself runs in, so no test can forget it. Registered in
 * {@code META-INF/services}; a module gets it by depending on {@code platform-testing} in test scope.
 */
public class ApiContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ApiContractFilter.class::isInstance)) {
            RestAssured.filters(new ApiContractFilter());
        }
    }
}
