package dev.sqlfeed.worker.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of {@code sqlfeed run} that publish the event log to NATS JetStream. */
final class PublishOption {
  @Option(
      names = "--publish",
      paramLabel = "URL",
      description = {
        "Publish every event of the app's log, in seq order, to NATS JetStream at URL",
        "(nats://HOST:PORT; credentials as nats://USER:PASSWORD@HOST:PORT are never shown).",
        "Subject PREFIX.APP.KIND, the event id as the message id; the position is kept in",
        "the store, so a restart resumes where it stopped."
      })
  String url;

  @Option(
      names = "--publish-subject-prefix",
      paramLabel = "PREFIX",
      defaultValue = "sqlfeed",
      description = "The first subject token(s) of published events. Default: ${DEFAULT-VALUE}.")
  String subjectPrefix;

  @Option(
      names = "--publish-stream",
      paramLabel = "STREAM",
      description = {
        "The JetStream stream to publish to, created if missing (subjects PREFIX.APP.>).",
        "Default: SQLFEED_ and the app name in upper case, other characters than letters,",
        "digits, - and _ as _."
      })
  String stream;

  boolean enabled() {
    return url != null;
  }

  Optional<String> stream() {
    return Optional.ofNullable(stream);
  }
}
