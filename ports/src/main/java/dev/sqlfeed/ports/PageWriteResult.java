package dev.sqlfeed.ports;

/**
 * What a page write did.
 *
 * @param appended events that were new and were appended (their mirror changes applied)
 * @param duplicates events whose id the log already had (dropped, their changes not applied)
 * @param lastSeq the log's highest seq after the write
 */
public record PageWriteResult(long appended, long duplicates, long lastSeq) {}
