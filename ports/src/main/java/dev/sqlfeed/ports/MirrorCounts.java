package dev.sqlfeed.ports;

/** How many resources, entitlements and grants a run wrote. */
public record MirrorCounts(long resources, long entitlements, long grants) {
  public static final MirrorCounts ZERO = new MirrorCounts(0, 0, 0);

  public MirrorCounts {
    if (resources < 0 || entitlements < 0 || grants < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
