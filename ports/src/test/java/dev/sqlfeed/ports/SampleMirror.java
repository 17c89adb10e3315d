package dev.sqlfeed.ports;

import dev.sqlfeed.domain.mirror.Entitlement;
import dev.sqlfeed.domain.mirror.Grant;
import dev.sqlfeed.domain.mirror.MirrorRecord;
import dev.sqlfeed.domain.mirror.Resource;
import dev.sqlfeed.domain.mirror.ResourceRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Mirror records for store tests: builders and mirrors that catch collation and JSON mistakes. */
public final class SampleMirror {
  /** Shuffles fixtures; printed by the tests that use it so a failure can be replayed. */
  public static final long SEED = 20260301L;

  private SampleMirror() {}

  public static ResourceRef ref(String type, String id) {
    return new ResourceRef(type, id);
  }

  public static Resource resource(String type, String id) {
    return new Resource(ref(type, id), type + " " + id, null, null, Map.of());
  }

  public static Resource resource(String type, String id, String displayName) {
    return new Resource(ref(type, id), displayName, null, null, Map.of());
  }

  public static Entitlement entitlement(String type, String id, String entitlement) {
    return new Entitlement(
        ref(type, id), entitlement, entitlement, null, "assignment", List.of("user"));
  }

  public static Grant grant(String type, String id, String entitlement, String userId) {
    return new Grant(ref(type, id), entitlement, ref("user", userId));
  }

  /**
   * A mirror in canonical order whose ids trip every non-binary collation: upper and lower case,
   * numeric-looking ids ("10" sorts before "9"), a trailing space (equal to no space under
   * MariaDB's PAD SPACE collations), accents, a full-width letter (U+FF21) and an emoji (U+1F600;
   * Java's UTF-16 {@code compareTo} and H2 put it before U+FF21, code point order after).
   */
  public static List<MirrorRecord> inCanonicalOrder() {
    List<String> ids = List.of("1", "10", "9", "A", "B", "a", "a ", "ab", "b", "z", "é", "Ａ", "😀");
    List<MirrorRecord> records = new ArrayList<>();
    for (String type : List.of("User", "group", "user")) {
      for (String id : ids) {
        records.add(resource(type, id, "Name of " + id));
      }
    }
    for (String id : List.of("10", "9", "é")) {
      for (String entitlement : List.of("Member", "admin", "member")) {
        records.add(entitlement("group", id, entitlement));
      }
    }
    for (String id : List.of("10", "9")) {
      for (String entitlement : List.of("Member", "member")) {
        for (String principalType : List.of("group", "user")) {
          for (String principalId : List.of("10", "9", "a", "a ", "é", "😀")) {
            records.add(new Grant(ref("group", id), entitlement, ref(principalType, principalId)));
          }
        }
      }
    }
    return records;
  }

  /** The same records in a seeded random order. */
  public static List<MirrorRecord> shuffled(List<? extends MirrorRecord> records) {
    List<MirrorRecord> copy = new ArrayList<>(records);
    Collections.shuffle(copy, new Random(SEED));
    return copy;
  }

  /** Resources and entitlements with every kind of value their JSON can hold. */
  public static List<MirrorRecord> withEveryValue() {
    Map<String, Object> email = new LinkedHashMap<>();
    email.put("primary", true);
    email.put("address", "zoë@example.com");
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("status", "enabled");
    user.put("emails", List.of(email, Map.of("address", "z@example.com", "primary", false)));
    user.put("login_count", 9_007_199_254_740_993L);
    user.put("big", new BigInteger("18446744073709551617"));
    user.put("negative", -9_223_372_036_854_775_808L);
    user.put("small", 7);
    user.put("ratio", 0.1);
    user.put("tiny", -2.5e-7);
    user.put("huge", 1.5e300);
    user.put("whole_double", 3.0);
    user.put("not_a_number", Double.NaN);
    user.put("price", new BigDecimal("1.50"));
    user.put("last_login", Instant.parse("2026-01-02T03:04:05.123456789Z"));
    user.put("manager", null);
    user.put("nested", List.of(List.of(), List.of(1L, "two", List.of(Map.of()))));
    user.put("profile", new LinkedHashMap<>(Map.of("z", 1L, "a", 2L, "M", 3L, "é", 4L)));
    user.put(
        "text",
        "quote \" backslash \\ slash / newline \n tab \t cr \r bell \u0007 nul \u0000"
            + " ls \u2028 ps \u2029 del \u007f 日本語 😀");
    Map<String, Object> traits = new LinkedHashMap<>();
    traits.put("user", user);
    traits.put("app", Map.of("help_url", "https://example.com/?a=1&b=2"));
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("profile", Map.of("empty", Map.of(), "none", List.of()));

    List<MirrorRecord> records = new ArrayList<>();
    records.add(new Resource(ref("group", "7"), "Admins 👑", "Line one\nline two", null, Map.of()));
    records.add(
        new Resource(
            ref("group", "8"),
            "",
            "",
            ref("group", "7"),
            Map.of("group", group, "role", Map.of())));
    records.add(new Resource(ref("user", "42"), "Zoë", null, ref("org", "1"), traits));
    records.add(
        new Entitlement(ref("group", "7"), "member", "Member of Admins 👑", null, null, List.of()));
    records.add(
        new Entitlement(
            ref("group", "7"),
            "owner",
            "",
            "Owns \"Admins\"",
            "permission",
            List.of("user", "group", "é")));
    records.add(grant("group", "7", "member", "42"));
    return records;
  }
}
