package dev.sqlfeed.worker.property;

/**
 * Generator behaviours that provoke known bugs, each switchable with a system property so that they
 * run as soon as the fix is in.
 *
 * @param sameCursorRewrites {@code -Dsqlfeed.property.sameCursorRewrites}: a row may be written
 *     again with a cursor value one of its earlier versions had (two changes of one row with one
 *     stamp; a membership that joins, leaves and re-joins with one stamp). TODO: issue 9 cases 4
 *     and 5 (branch cursors-ticks): default to true once that fix is merged.
 * @param reactivatedGroups {@code -Dsqlfeed.property.reactivatedGroups}: a soft-deleted group may
 *     be re-activated with its memberships still in place. TODO: issue 9 case 6 (branch
 *     cursors-ticks): default to true once that fix is merged.
 */
record Flags(boolean sameCursorRewrites, boolean reactivatedGroups) {
  static Flags fromSystemProperties() {
    return new Flags(
        Boolean.parseBoolean(System.getProperty("sqlfeed.property.sameCursorRewrites", "false")),
        Boolean.parseBoolean(System.getProperty("sqlfeed.property.reactivatedGroups", "false")));
  }
}
