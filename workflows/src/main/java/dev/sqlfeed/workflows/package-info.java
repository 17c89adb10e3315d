/** Temporal workflows and activities: one durable workflow per incremental source. */
package dev.sqlfeed.workflows;
