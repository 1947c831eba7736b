package dev.cdi.silver.standardize;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Standardizes person names for display and matching. Immutable, thread-safe and serializable (it carries the
 * small nickname table); the standardize methods never throw.
 *
 * <p>Parts: {@link #standardizeParts} takes given, middle and family names from separate fields;
 * {@link #standardizeFull} splits one field by the rules of {@link NameSplitter} ({@code SMITH, ROBERT},
 * {@code Dr. Mary-Ann O'Neil Jr.}, {@code Maria de la Cruz}).
 *
 * <p>Display form of each part: Unicode NFC; whitespace collapsed; invisible characters dropped; typographic
 * apostrophes and dashes become {@code '} and {@code -}; other punctuation, symbols and emoji become spaces; leading
 * titles and trailing suffixes removed (see {@link NameSplitter}); dots end a word, so the initial {@code J.} is
 * {@code J}; title case, with a capital after a hyphen ({@code Mary-Ann}) and after an apostrophe that follows a
 * single letter ({@code O'Neil}, {@code D'Angelo}, but {@code Ma'ayan}). There is no rule for Mc and Mac
 * ({@code MCDONALD} gives {@code Mcdonald}), since names like Mack and Macy would break; particles are title-cased
 * like other words ({@code Van Der Berg}). Scripts without case are kept as written.
 *
 * <p>Keys for matching: the display form accent-folded ({@link Text#fold}: {@code Müller} to {@code muller},
 * {@code Øyvind} to {@code oyvind}, {@code Strauß} to {@code strauss}), lower-case, with everything but letters
 * removed ({@code O'Neil-Smith} to {@code oneilsmith}). Latin-script names therefore give keys of a to z only;
 * names in other scripts keep their letters ({@code 李小龍}), since there is no reliable transliteration and
 * dropping them would make all such names equal. The given name's canonical key comes from the nickname table
 * ({@code /reference/nicknames.csv}): a nickname with exactly one formal name maps to it ({@code bob} to
 * {@code robert}); a nickname listed for several formal names ({@code steve}: steven and stephen; {@code pat}:
 * patrick and patricia) keeps its own key, because any pick would merge different people, and
 * {@link #canonicalCandidates} gives all of them to matchers that want to compare against each.
 *
 * <p>Invalid parts (null with {@link Validity#INVALID}): a part with a digit ({@code R2D2}), a placeholder
 * ({@code test}, {@code unknown}, {@code n/a}, {@code none}, {@code null}, {@code xxx}, {@code asdf},
 * {@code customer}, {@code nmn} ...; a letter repeated three or more times), a part that is only a title
 * ({@code Mr}), nothing left after cleaning, or more than {@value #MAX_PART} characters. An invalid middle name only
 * nulls the middle name; the overall validity is described on {@link NameResult#validity}.
 */
public final class NameStandardizer implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String NICKNAMES = "/reference/nicknames.csv";
  private static final int MAX_PART = 200;
  private static final int MAX_FULL = 400;
  /** A given name of at least two letters, whitespace, then one letter and an optional dot. */
  private static final Pattern TRAILING_INITIAL = Pattern.compile("\\s*(\\p{L}.*\\p{L})\\s+(\\p{L})\\.?\\s*");
  private static final Set<String> PLACEHOLDER_TEXTS = Set.of("n/a", "n.a.", "n.a", "#n/a", "n/d", "-/-");
  private static final Set<String> PLACEHOLDER_KEYS = Set.of("test", "tester", "testing", "unknown", "unk", "none",
      "null", "nil", "asdf", "asdfgh", "qwerty", "customer", "user", "anonymous", "noname", "dummy", "firstname",
      "lastname", "fname", "lname", "undefined", "notprovided", "nmn", "fnu", "lnu", "true", "false");

  private final NicknameTable nicknames;

  /** The standardized value of one name part. */
  private record Part(String display, String key, Validity validity) {
    static final Part MISSING = new Part(null, null, Validity.MISSING);
    static final Part INVALID = new Part(null, null, Validity.INVALID);
  }

  /**
   * A standardizer with the nickname table from the classpath.
   *
   * @throws IllegalStateException when {@code /reference/nicknames.csv} is missing or malformed
   */
  public NameStandardizer() {
    this.nicknames = NicknameTable.load(NICKNAMES, NameText::key);
  }

  /**
   * Standardizes a name given in separate fields; each may be null. When the middle name is missing and the given
   * name ends in a lone initial ({@code Joseph T}, {@code Mary A.}), the initial is the middle name: forms that have
   * one first-name box get it typed there.
   */
  public NameResult standardizeParts(String given, String middle, String family) {
    if (Text.clean(middle) == null && given != null) {
      Matcher initial = TRAILING_INITIAL.matcher(given);
      if (initial.matches()) {
        return combine(part(initial.group(1)), part(initial.group(2)), part(family));
      }
    }
    return combine(part(given), part(middle), part(family));
  }

  /** Standardizes a name given in one field, splitting it into given, middle and family names. */
  public NameResult standardizeFull(String fullName) {
    String text = Text.clean(fullName);
    if (text == null) {
      return NameResult.MISSING;
    }
    if (text.length() > MAX_FULL || isPlaceholderText(text)) {
      return NameResult.INVALID;
    }
    NameSplitter.Parts parts = NameSplitter.split(NameText.sanitize(text, true));
    NameResult result = combine(part(parts.given()), part(parts.middle()), part(parts.family()));
    return result.validity() == Validity.MISSING ? NameResult.INVALID : result;
  }

  /**
   * The keys of every formal name that {@code givenName} may stand for ({@code Steve}: stephen, steven), or its own
   * key when it is no nickname; empty when it has no letters.
   */
  public List<String> canonicalCandidates(String givenName) {
    String key = givenName == null ? "" : NameText.key(givenName);
    if (key.isEmpty()) {
      return List.of();
    }
    List<String> names = nicknames.canonicalsOf(key);
    return names.isEmpty() ? List.of(key) : names;
  }

  private NameResult combine(Part given, Part middle, Part family) {
    if (given == Part.MISSING && middle == Part.MISSING && family == Part.MISSING) {
      return NameResult.MISSING;
    }
    boolean usable = given.display() != null || family.display() != null;
    boolean valid = usable && given.validity() != Validity.INVALID && family.validity() != Validity.INVALID;
    String canonical = given.key() == null ? null : canonicalOf(given.key());
    String fullKey = canonical == null || family.key() == null ? null : canonical + family.key();
    return new NameResult(given.display(), middle.display(), family.display(), canonical, given.key(),
        family.key(), fullKey, valid ? Validity.VALID : Validity.INVALID);
  }

  private String canonicalOf(String givenKey) {
    List<String> names = nicknames.canonicalsOf(givenKey);
    return names.size() == 1 ? names.get(0) : givenKey;
  }

  private static Part part(String raw) {
    String text = Text.clean(raw);
    if (text == null) {
      return Part.MISSING;
    }
    if (text.length() > MAX_PART || isPlaceholderText(text)) {
      return Part.INVALID;
    }
    List<String> words = NameSplitter.stripAffixes(NameSplitter.words(NameText.sanitize(text, false)));
    if (words.isEmpty() || Text.hasDigit(String.join(" ", words)) || isOnlyTitle(words)) {
      return Part.INVALID;
    }
    String display = NameText.display(words);
    String key = NameText.key(display);
    return key.isEmpty() || isPlaceholderKey(key) ? Part.INVALID : new Part(display, key, Validity.VALID);
  }

  private static boolean isOnlyTitle(List<String> words) {
    return words.size() == 1 && NameSplitter.TITLES.contains(NameSplitter.bare(words.get(0)));
  }

  private static boolean isPlaceholderText(String text) {
    return PLACEHOLDER_TEXTS.contains(text.toLowerCase(Locale.ROOT).replace(" ", ""));
  }

  private static boolean isPlaceholderKey(String key) {
    boolean repeated = key.length() >= 3 && key.chars().allMatch(c -> c == key.charAt(0));
    return PLACEHOLDER_KEYS.contains(key) || repeated || "xx".equals(key);
  }
}
