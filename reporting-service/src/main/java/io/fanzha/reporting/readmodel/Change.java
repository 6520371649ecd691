package io.fanzha.reporting.readmodel;

import io.fanzha.platform.event.CloudEvent;

/** An event's payload beside the event (its type and time). */
public record Change<T>(T data, CloudEvent event) {

    public boolean is(String type) {
        return event.type().equals(type);
    }
}
