/**
 * Publishing the event log to a broker beside the sources ({@code sqlfeed run --publish}): a loop
 * on a thread of its own that never holds up a source, and backs off while the broker is away.
 */
package dev.sqlfeed.worker.publish;
