package dev.sqlfeed.ports.fullsync;

import dev.sqlfeed.domain.error.MappingException;
import dev.sqlfeed.domain.mirror.MirrorRecord;

/**
 * Finds two rows of one query's result that map to the same key. Two rows that map to the same
 * record (a join that repeats a row) are harmless and count once. Two that map to different records
 * are an error naming both rows: the store keeps one record per key, and keeping either one
 * silently would hide the other (baton-sql's store keeps the last one without a word).
 *
 * <p>It remembers each key's fingerprint with the record's hash, not the record ({@link SeenKeys}):
 * a list of a million users costs about 30 MB, not their ids and traits.
 */
final class DuplicateKeys {
  private final String origin;
  private final String keyName;
  private final SeenKeys seen = new SeenKeys();
  private long rows;

  /**
   * @param origin how errors name the query, for example {@code resource_types.user.list.query}
   * @param keyName how errors name the key, for example {@code resource id}
   */
  DuplicateKeys(String origin, String keyName) {
    this.origin = origin;
    this.keyName = keyName;
  }

  /**
   * Records one row's key.
   *
   * @throws MappingException when an earlier row had the same key and a different record
   */
  void check(String key, MirrorRecord record, String rowKey) {
    rows++;
    SeenKeys.Earlier earlier = seen.putIfAbsent(key, rows, rowKey, record.hashCode());
    if (earlier != null && earlier.hash() != record.hashCode()) {
      throw new MappingException(
          origin
              + ": rows "
              + earlier.row()
              + " ("
              + earlier.rowKey()
              + ") and "
              + rows
              + " ("
              + rowKey
              + ") have the same "
              + keyName
              + " '"
              + key
              + "' but differ; make the query return one row per "
              + keyName);
    }
  }
}
