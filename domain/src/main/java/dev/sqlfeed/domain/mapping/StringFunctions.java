package dev.sqlfeed.domain.mapping;

import java.util.regex.Pattern;

/**
 * baton-sql's string functions ({@code pkg/bcel/functions}), written to give the same results as
 * the Go functions they wrap. Case mapping is per code point with Unicode's simple mappings, as
 * Go's {@code strings.ToUpper}/{@code ToLower} do, not Java's locale-sensitive special casing.
 */
final class StringFunctions {
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9-]+");
  private static final Pattern HYPHENS = Pattern.compile("-+");
  // Word-break classes MidLetter, MidNumLet and Single_Quote of Unicode annex 29.
  private static final String MID =
      "'.:\u00b7\u0387\u05f4\u2018\u2019\u2024\u2027\ufe13\ufe52\ufe55\uff07\uff0e\uff1a";

  private StringFunctions() {}

  /** {@code toUpper(string)}: Go's {@code strings.ToUpper}. */
  static String toUpper(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
    return out.toString();
  }

  /** {@code toLower(string)}: Go's {@code strings.ToLower}. */
  static String toLower(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
    return out.toString();
  }

  /**
   * {@code slugify(string)}: lower case; spaces and underscores become hyphens; everything but
   * {@code [a-z0-9-]} is dropped (so accented letters disappear); runs of hyphens collapse to one;
   * leading and trailing hyphens go.
   */
  static String slugify(String s) {
    String slug = toLower(s).replace(' ', '-').replace('_', '-');
    slug = NOT_SLUG.matcher(slug).replaceAll("");
    slug = HYPHENS.matcher(slug).replaceAll("-");
    int start = 0;
    int end = slug.length();
    while (start < end && slug.charAt(start) == '-') {
      start++;
    }
    while (end > start && slug.charAt(end - 1) == '-') {
      end--;
    }
    return slug.substring(start, end);
  }

  /**
   * {@code titleCase(string)}: the first cased letter of each word in title case, the other cased
   * letters of the word in lower case, everything else unchanged; as Go's {@code
   * cases.Title(language.English)}. Words are split the way that package approximates Unicode word
   * breaking: letters, digits, underscores and combining marks never split a word; an apostrophe,
   * period, colon and the like stay inside a word unless two of them meet; every other character
   * (space, hyphen, other punctuation) ends it. A digit does not start a word, so {@code "1st"}
   * becomes {@code "1St"} there too.
   */
  static String titleCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean midWord = false;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      boolean wasMid = isMid(cp);
      if (isCased(cp)) {
        out.appendCodePoint(midWord ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
        midWord = true;
      } else {
        out.appendCodePoint(cp);
        if (isBreak(cp)) {
          midWord = false;
        }
      }
      i += Character.charCount(cp);
      if (wasMid && i < s.length() && isMid(s.codePointAt(i))) {
        midWord = false;
      }
    }
    return out.toString();
  }

  private static boolean isCased(int cp) {
    return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
  }

  private static boolean isMid(int cp) {
    return MID.indexOf(cp) >= 0;
  }

  private static boolean isBreak(int cp) {
    return !isCased(cp) && !isMid(cp) && !isWordLetter(cp);
  }

  private static boolean isWordLetter(int cp) {
    switch (Character.getType(cp)) {
      case Character.DECIMAL_DIGIT_NUMBER,
      Character.CONNECTOR_PUNCTUATION,
      Character.NON_SPACING_MARK,
      Character.ENCLOSING_MARK,
      Character.COMBINING_SPACING_MARK,
      Character.FORMAT:
        return true;
      default:
        return Character.isLetter(cp) && !Character.isIdeographic(cp) && !isKana(cp);
    }
  }

  private static boolean isKana(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
  }
}
