/**
 * {@code sqlfeed demo}: a small SQLite application, the activity simulated on it, and the lines a
 * person reads while the worker turns that activity into events.
 */
package dev.sqlfeed.worker.demo;
