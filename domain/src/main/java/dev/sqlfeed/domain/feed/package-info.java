/**
 * The incremental feed: sources (what is scanned, {@link dev.sqlfeed.domain.feed.FeedSources}),
 * events and their deterministic ids ({@link dev.sqlfeed.domain.feed.EventIds}, {@link
 * dev.sqlfeed.domain.feed.CanonicalTime}), the mapping of source rows to events ({@link
 * dev.sqlfeed.domain.feed.IncrementalRowMapper}), keyset positions, and the scan cycle as a pure
 * state machine that the Temporal workflow drives ({@link dev.sqlfeed.domain.feed.CycleState}, kept
 * in history as {@link dev.sqlfeed.domain.feed.CycleStateWire}).
 */
package dev.sqlfeed.domain.feed;
