package io.fanzha.platform.event;

/** A Kafka record that is not a CloudEvent Fanzha can read: a poison message for the dead-letter topic. */
public class InvalidCloudEventException extends RuntimeException {

    public InvalidCloudEventException(String message) {
        super(message);
    }

    public InvalidCloudEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
