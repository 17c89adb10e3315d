/**
 * The {@code event_feeds} section: shared audit-log tables whose rows each name one change of any
 * resource type, scanned as one incremental source per feed.
 */
package dev.sqlfeed.domain.config.feed;
