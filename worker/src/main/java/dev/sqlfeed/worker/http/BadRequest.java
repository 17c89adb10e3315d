package dev.sqlfeed.worker.http;

/** A request the handler cannot serve as asked; its message is the one line answered with 400. */
final class BadRequest extends RuntimeException {
  BadRequest(String message) {
    super(message);
  }
}
