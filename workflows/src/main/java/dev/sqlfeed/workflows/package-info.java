/**
 * Temporal workflows and activities: one durable workflow per incremental source, and one per app
 * for its full syncs (once, or on a schedule).
 */
package dev.sqlfeed.workflows;
