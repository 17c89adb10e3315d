/**
 * Publishing the event log to a broker: the sink a broker adapter implements ({@link
 * dev.sqlfeed.ports.sink.EventSink}), where a sink's position is kept ({@link
 * dev.sqlfeed.ports.sink.SinkPositions}), and the use case that moves events from one to the other
 * in seq order ({@link dev.sqlfeed.ports.sink.EventPublisher}).
 */
package dev.sqlfeed.ports.sink;
