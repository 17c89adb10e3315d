/** The worker's pruning of its app's event log by the config's {@code events.retention}. */
package dev.sqlfeed.worker.retention;
