package io.fanzha.platform.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An event waiting in the outbox table, written in the same transaction as the state change it
 * reports and sent to Kafka later by {@link OutboxRelay}.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    private static final int MAX_ERROR_LENGTH = 2000;

    @Id
    public UUID id;

    /** Assigned by the database; the relay sends in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    public String subject;

    /** The Kafka record key: the county-level region code, so each county's events stay in order. */
    @Column(name = "event_key")
    public String eventKey;

    /** The payload, already serialised by the application's ObjectMapper. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** When the broker acknowledged the event; null while it waits. */
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** Failed sends so far. */
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    void recordFailure(String error) {
        attempts++;
        lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    }
}
