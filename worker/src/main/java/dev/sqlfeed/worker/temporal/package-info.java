/**
 * Temporal's side of the worker: the embedded server, the connection, the worker that runs the
 * source and full sync workflows, starting (or attaching to) one workflow per incremental source
 * and the app's full sync schedule, and, for {@code sqlfeed sync}, finding a running worker of the
 * app and asking it for a full sync.
 */
package dev.sqlfeed.worker.temporal;
