package io.fanzha.outreach.record;

/**
 * A record's worker changed its content (not its review or void), in the transaction that did, with its lock held: what
 * was checked against its content, such as its files against other records', is checked again.
 */
public record RecordEdited(OutreachRecord record) {
}
