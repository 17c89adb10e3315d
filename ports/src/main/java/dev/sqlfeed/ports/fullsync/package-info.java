/**
 * The full sync use case over the ports: reading every resource type with its entitlements and
 * grants ({@link dev.sqlfeed.ports.fullsync.FullSync}), and reconciling what it read with the
 * mirror ({@link dev.sqlfeed.ports.fullsync.Reconciliation}), each difference one event.
 */
package dev.sqlfeed.ports.fullsync;
