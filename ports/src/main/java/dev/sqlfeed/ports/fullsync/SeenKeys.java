package dev.sqlfeed.ports.fullsync;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys one query has returned so far, each with the first row that had it: what {@link
 * DuplicateKeys} remembers, kept in a few primitive arrays so that a list of millions of rows costs
 * about 30 bytes a key rather than the 200 a map of strings took (a full sync of 1,000,000 users
 * held 180 MB in it, more than the launcher's default heap leaves).
 *
 * <p>A key is held as a 128-bit fingerprint of its text, not the text: two different keys would
 * have to agree on two independent 64-bit hashes to be taken for one, which for a billion keys is
 * less likely than one in 10<sup>20</sup>. The row that named a key in an error ({@code id=42}) is
 * kept as UTF-8 bytes only where it is not simply the row's number ({@code #42}).
 */
final class SeenKeys {
  private static final int FIRST_CAPACITY = 16;
  private static final int CHUNK = 1 << 20;

  private long[] first = new long[FIRST_CAPACITY];
  private long[] second = new long[FIRST_CAPACITY];
  private int[] hashes = new int[FIRST_CAPACITY];
  private long[] rows = new long[FIRST_CAPACITY];
  private long[] rowKeys;
  private byte[][] chunks = new byte[0][];
  private int used = CHUNK;
  private int size;

  /** The first row that had a key: its number from 1, how errors name it and its record's hash. */
  record Earlier(long row, String rowKey, int hash) {}

  /**
   * Returns the earlier row with {@code key}, or, when there is none, remembers this one and
   * returns null.
   *
   * @param row this row's number, from 1
   */
  Earlier putIfAbsent(String key, long row, String rowKey, int hash) {
    if (row < 1) {
      throw new IllegalArgumentException("row numbers start at 1: " + row);
    }
    long a = hashA(key);
    long b = hashB(key);
    int mask = rows.length - 1;
    int slot = (int) a & mask;
    while (rows[slot] != 0) {
      if (first[slot] == a && second[slot] == b) {
        return new Earlier(rows[slot], rowKeyAt(slot), hashes[slot]);
      }
      slot = (slot + 1) & mask;
    }
    first[slot] = a;
    second[slot] = b;
    hashes[slot] = hash;
    rows[slot] = row;
    if (!rowKey.equals("#" + row)) {
      if (rowKeys == null) {
        rowKeys = new long[rows.length];
      }
      rowKeys[slot] = store(rowKey);
    }
    if (++size * 4 > rows.length * 3) {
      grow();
    }
    return null;
  }

  private String rowKeyAt(int slot) {
    long ref = rowKeys == null ? 0 : rowKeys[slot];
    if (ref == 0) {
      return "#" + rows[slot];
    }
    byte[] chunk = chunks[(int) (ref >>> 32) - 1];
    int at = (int) ref;
    int length = (chunk[at] & 0xff) << 24 | (chunk[at + 1] & 0xff) << 16;
    length |= (chunk[at + 2] & 0xff) << 8 | (chunk[at + 3] & 0xff);
    return new String(chunk, at + 4, length, StandardCharsets.UTF_8);
  }

  /** Appends a row key's bytes, after their length, and returns where: chunk + 1, offset. */
  private long store(String rowKey) {
    byte[] bytes = rowKey.getBytes(StandardCharsets.UTF_8);
    int needed = bytes.length + 4;
    if (chunks.length == 0 || used + needed > chunks[chunks.length - 1].length) {
      chunks = Arrays.copyOf(chunks, chunks.length + 1);
      chunks[chunks.length - 1] = new byte[Math.max(CHUNK, needed)];
      used = 0;
    }
    byte[] chunk = chunks[chunks.length - 1];
    int at = used;
    chunk[at] = (byte) (bytes.length >>> 24);
    chunk[at + 1] = (byte) (bytes.length >>> 16);
    chunk[at + 2] = (byte) (bytes.length >>> 8);
    chunk[at + 3] = (byte) bytes.length;
    System.arraycopy(bytes, 0, chunk, at + 4, bytes.length);
    used += needed;
    return (long) chunks.length << 32 | at;
  }

  private void grow() {
    long[] oldFirst = first;
    long[] oldSecond = second;
    int[] oldHashes = hashes;
    long[] oldRows = rows;
    long[] oldRowKeys = rowKeys;
    int capacity = oldRows.length * 2;
    first = new long[capacity];
    second = new long[capacity];
    hashes = new int[capacity];
    rows = new long[capacity];
    rowKeys = oldRowKeys == null ? null : new long[capacity];
    int mask = capacity - 1;
    for (int old = 0; old < oldRows.length; old++) {
      if (oldRows[old] == 0) {
        continue;
      }
      int slot = (int) oldFirst[old] & mask;
      while (rows[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      first[slot] = oldFirst[old];
      second[slot] = oldSecond[old];
      hashes[slot] = oldHashes[old];
      rows[slot] = oldRows[old];
      if (oldRowKeys != null) {
        rowKeys[slot] = oldRowKeys[old];
      }
    }
  }

  /** FNV-1a over the key's chars, then MurmurHash3's 64-bit finaliser. */
  static long hashA(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001b3L;
    }
    return mix(h ^ key.length());
  }

  /** A second hash, independent of {@link #hashA}: its own multiplier, rotation and seed. */
  static long hashB(String key) {
    long h = 0x9e3779b97f4a7c15L ^ key.length();
    for (int i = 0; i < key.length(); i++) {
      h = Long.rotateLeft(h + key.charAt(i), 27) * 0xc2b2ae3d27d4eb4fL;
    }
    return mix(h);
  }

  private static long mix(long h) {
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
