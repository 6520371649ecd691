package io.fanzha.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void anUnreachableDatabaseIsNotTheEventsFault() {
        assertTrue(Failures.isDatabaseUnavailable(new IllegalStateException("commit failed",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertTrue(Failures.isDatabaseUnavailable(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(Failures.isDatabaseUnavailable(
                new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void aHandlerOrDataErrorIsTheEventsFault() {
        assertFalse(Failures.isDatabaseUnavailable(new IllegalArgumentException("unknown region 999999")));
        assertFalse(Failures.isDatabaseUnavailable(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
    }

    @Test
    void describesTheFailureAndItsRootCause() {
        assertEquals("java.lang.IllegalStateException: outer; caused by java.sql.SQLException: inner",
                Failures.describe(new IllegalStateException("outer", new SQLException("inner", "23505"))));
        assertEquals(2000, Failures.describe(new RuntimeException("x".repeat(5000))).length());
    }
}
