/**
 * The driven ports the core needs ({@link dev.sqlfeed.ports.SourceReader}, {@link
 * dev.sqlfeed.ports.SyncStore}, {@link dev.sqlfeed.ports.EventLog}), the values that cross them,
 * and the rules every implementation of a port shares ({@link dev.sqlfeed.ports.PageChecks}, {@link
 * dev.sqlfeed.ports.Restatements}). The use cases, written only against the ports, live in packages
 * of their own: {@code fullsync} (full sync and reconciliation), {@code feed} (what an incremental
 * page does with its rows), {@code catalog} ({@code validate --connect}), {@code provisioning}
 * (what {@code grant} and {@code revoke} run, and in which order) and {@code sink} (the event sink
 * port of a broker, and publishing the log to it). Adapters implement the ports; the worker wires
 * them. No framework here: no JDBC driver, jOOQ, Temporal or Jackson (the build's keep-pure rule).
 */
package dev.sqlfeed.ports;
