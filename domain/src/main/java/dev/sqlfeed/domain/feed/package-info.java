/**
 * The incremental feed: sources (what is scanned), events and their deterministic ids, keyset
 * positions, and the scan cycle as a pure state machine that the Temporal workflow drives.
 */
package dev.sqlfeed.domain.feed;
