/**
 * Temporal's side of the worker: the embedded server, the connection, the worker that runs the
 * source workflows, and starting (or attaching to) one workflow per incremental source.
 */
package dev.sqlfeed.worker.temporal;
