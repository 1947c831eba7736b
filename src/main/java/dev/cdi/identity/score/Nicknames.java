package dev.cdi.identity.score;

import dev.cdi.silver.standardize.NameStandardizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether two given-name keys can name one person by the nickname table of {@link NameStandardizer}: the formal
 * names each may stand for overlap. A key that is no nickname stands for itself; an ambiguous nickname stands for
 * all its formal names ({@code debbie}: deborah, debra), which is why silver's canonical key keeps it unresolved and
 * this level is needed. The table is loaded once per JVM, on first use (so once per executor).
 */
final class Nicknames {

  private Nicknames() {
  }

  /** True when {@code left} and {@code right} (given-name keys) share a formal name or one is the other's. */
  static boolean compatible(String left, String right) {
    Set<String> names = meanings(left);
    for (String name : meanings(right)) {
      if (names.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> meanings(String key) {
    List<String> candidates = Table.NAMES.canonicalCandidates(key);
    Set<String> out = new HashSet<>(candidates);
    out.add(key);
    return out;
  }

  /** Lazy holder: the table loads when {@link #compatible} first runs. */
  private static final class Table {
    static final NameStandardizer NAMES = new NameStandardizer();
  }
}
