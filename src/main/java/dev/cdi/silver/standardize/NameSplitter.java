package dev.cdi.silver.standardize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a full name into given, middle and family names, and recognizes the words around names.
 *
 * <p>Rules: the text is cut at commas; pieces made only of titles or suffixes ({@code , Jr.}) are dropped. With two
 * or more pieces left the name is read as {@code Family, Given Middle...} (later pieces join the given part), and
 * particles ending the given part move to the family name ({@code Beethoven, Ludwig van} gives family
 * {@code van Beethoven}). With one piece it is {@code Given Middle... Family}: the first word is the given name, the
 * last word the family name together with the particles just before it (van, von, de, da, del, di, la, le, st...),
 * so {@code Maria de la Cruz} has family {@code de la Cruz}; the words in between are middle names. Leading titles
 * (Mr, Mrs, Ms, Miss, Dr, Prof, Rev, Sir...) and trailing suffixes (Jr, Sr, II, III, IV, PhD, MD, Esq...) are
 * removed, but never the last word standing. A single word is the given name, unless a title was removed before
 * it ({@code Mrs. Jones}), in which case it is the family name. Name orders that put the family name first without
 * a comma (many East Asian and Vietnamese names) cannot be told apart and are read as given-first.
 */
final class NameSplitter {

  /** The given, middle and family words of a name, each null when absent. */
  record Parts(String given, String middle, String family) {
  }

  static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor",
      "rev", "reverend", "sir");
  static final Set<String> SUFFIXES = Set.of("jr", "jnr", "sr", "snr", "ii", "iii", "iv", "2nd", "3rd", "4th", "phd",
      "md", "dds", "esq");
  static final Set<String> PARTICLES = Set.of("van", "von", "de", "da", "del", "della", "der", "den", "di", "du",
      "des", "dos", "das", "do", "la", "le", "st", "ste", "saint", "ter", "ten", "bin", "ibn");

  private static final Parts EMPTY = new Parts(null, null, null);

  private NameSplitter() {
  }

  /** The parts of a full name whose characters are already sanitized (see {@link NameStandardizer}). */
  static Parts split(String text) {
    List<List<String>> pieces = new ArrayList<>();
    for (String piece : text.split(",")) {
      List<String> words = words(piece);
      if (!words.isEmpty() && !words.stream().allMatch(NameSplitter::isAffix)) {
        pieces.add(words);
      }
    }
    if (pieces.isEmpty()) {
      return EMPTY;
    }
    return pieces.size() == 1 ? splitNatural(pieces.get(0)) : splitInverted(pieces);
  }

  /** The words of {@code text} without leading titles and trailing suffixes, keeping at least one word. */
  static List<String> stripAffixes(List<String> words) {
    return words.subList(titleCount(words), suffixStart(words));
  }

  /** The whitespace-separated words of {@code text}. */
  static List<String> words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split(" +"));
  }

  /** Lower-case form without dots, as titles, suffixes and particles are looked up. */
  static String bare(String word) {
    return word.replace(".", "").toLowerCase(Locale.ROOT);
  }

  private static Parts splitNatural(List<String> all) {
    int titles = titleCount(all);
    List<String> words = all.subList(titles, suffixStart(all));
    if (words.size() == 1) {
      return titles > 0 ? new Parts(null, null, words.get(0)) : new Parts(words.get(0), null, null);
    }
    int familyStart = words.size() - 1;
    while (familyStart > 1 && isParticle(words.get(familyStart - 1))) {
      familyStart--;
    }
    return new Parts(words.get(0), join(words.subList(1, familyStart)), join(words.subList(familyStart,
        words.size())));
  }

  private static Parts splitInverted(List<List<String>> pieces) {
    List<String> family = new ArrayList<>(stripAffixes(pieces.get(0)));
    List<String> rest = new ArrayList<>();
    pieces.subList(1, pieces.size()).forEach(rest::addAll);
    List<String> names = stripAffixes(rest);
    int end = names.size();
    while (end > 1 && isParticle(names.get(end - 1))) {
      end--;
    }
    family.addAll(0, names.subList(end, names.size()));
    return new Parts(names.get(0), join(names.subList(1, end)), join(family));
  }

  private static int titleCount(List<String> words) {
    int from = 0;
    while (from < words.size() - 1 && TITLES.contains(bare(words.get(from)))) {
      from++;
    }
    return from;
  }

  private static int suffixStart(List<String> words) {
    int from = titleCount(words);
    int to = words.size();
    while (to - 1 > from && SUFFIXES.contains(bare(words.get(to - 1)))) {
      to--;
    }
    return to;
  }

  private static boolean isAffix(String word) {
    String bare = bare(word);
    return TITLES.contains(bare) || SUFFIXES.contains(bare);
  }

  private static boolean isParticle(String word) {
    return PARTICLES.contains(bare(word));
  }

  private static String join(List<String> words) {
    return words.isEmpty() ? null : String.join(" ", words);
  }
}
