package dev.sqlfeed.worker.property;

/**
 * Generator behaviours that once provoked known bugs (issue 9, cases 4 to 6), on by default since
 * their fixes landed; each can be switched off with its system property to tell a regression in
 * them from one elsewhere.
 *
 * @param sameCursorRewrites {@code -Dsqlfeed.property.sameCursorRewrites}: a row may be written
 *     again with a cursor value one of its earlier versions had (two changes of one row with one
 *     stamp; a membership that joins, leaves and re-joins with one stamp).
 * @param reactivatedGroups {@code -Dsqlfeed.property.reactivatedGroups}: a soft-deleted group may
 *     be re-activated with its memberships still in place.
 */
record Flags(boolean sameCursorRewrites, boolean reactivatedGroups) {
  static Flags fromSystemProperties() {
    return new Flags(
        Boolean.parseBoolean(System.getProperty("sqlfeed.property.sameCursorRewrites", "true")),
        Boolean.parseBoolean(System.getProperty("sqlfeed.property.reactivatedGroups", "true")));
  }
}
