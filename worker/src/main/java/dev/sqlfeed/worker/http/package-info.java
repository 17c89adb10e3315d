/**
 * What the worker serves over HTTP beside its metrics: the app's event log ({@code /events}, as
 * lines of JSON, long-polled, or as Server-Sent Events) and its health ({@code /healthz}). The
 * handlers read through ports and the worker's own state; they hold no SQL.
 */
package dev.sqlfeed.worker.http;
