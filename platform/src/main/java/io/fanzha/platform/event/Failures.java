package io.fanzha.platform.event;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import io.quarkus.narayana.jta.QuarkusTransactionException;

/** Reading exceptions for the people and code that must react to them. */
public final class Failures {

    private static final int MAX_LENGTH = 2000;

    private Failures() {
    }

    /**
     * True when the database could not be reached: such a failure says nothing about the event, so the
     * consumer waits and retries instead of dead-lettering good events while PostgreSQL restarts.
     */
    public static boolean isDatabaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Class 08 is "connection exception"; no state at all comes from the pool, not the server.
                if (state == null || state.startsWith("08")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the failure comes from an interrupted wait: the service is stopping, nobody is at fault. */
    static boolean isInterruption(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    /** The failure itself rather than the transaction wrapper around it. */
    static Throwable unwrap(Throwable error) {
        return error instanceof QuarkusTransactionException && error.getCause() != null ? error.getCause() : error;
    }

    /** The exception and its root cause in one line, short enough for a header or a column. */
    public static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == error ? error.toString() : error + "; caused by " + root;
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
