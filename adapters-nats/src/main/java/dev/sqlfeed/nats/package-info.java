/**
 * The NATS JetStream event sink: publishes the event log to a JetStream stream with the event id as
 * the message id, through the maintained NATS Java client. Only {@link dev.sqlfeed.nats.NatsSinks}
 * is public; the sink is used through {@link dev.sqlfeed.ports.sink.EventSink}.
 */
package dev.sqlfeed.nats;
