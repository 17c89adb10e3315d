/**
 * The driven ports that the core needs (reading sources, keeping the sync store) and the use cases
 * that run over them. Only interfaces and plain values here: adapters implement the ports, the
 * worker wires them.
 */
package dev.sqlfeed.ports;
