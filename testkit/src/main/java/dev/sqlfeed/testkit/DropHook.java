package dev.sqlfeed.testkit;

/** A drop that runs when asked or, at the latest, when the JVM exits. */
final class DropHook {
  private DropHook() {}

  /** Registers {@code drop} to run at exit; the returned one runs it now and unregisters it. */
  static Runnable install(String name, Runnable drop) {
    Thread hook = new Thread(drop, "drop-" + name);
    Runtime.getRuntime().addShutdownHook(hook);
    return () -> {
      drop.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or has run; the database is gone either way.
      }
    };
  }
}
