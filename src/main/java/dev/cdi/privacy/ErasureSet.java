package dev.cdi.privacy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything an erasure removes, in plaintext, held in driver memory only for the duration of the command: the
 * customers (with the ids they absorbed earlier), their identity records, their events, and the identifiers that
 * are theirs alone, by kind. {@link #names} (full names of the records) is used only to redact reports; names are
 * never hashed or stored, because a name is no identifier (namesakes). {@link #toString()} shows counts only.
 */
public final class ErasureSet {

  private final Map<IdentifierKind, Set<String>> values = new EnumMap<>(IdentifierKind.class);
  private final Set<String> names = new TreeSet<>();
  private int notFound;

  public ErasureSet() {
    for (IdentifierKind kind : IdentifierKind.values()) {
      values.put(kind, new TreeSet<>());
    }
  }

  /** Adds normalized values of one kind (nulls are skipped). */
  public ErasureSet add(IdentifierKind kind, Iterable<String> normalized) {
    for (String value : normalized) {
      if (value != null && !value.isBlank()) {
        values.get(kind).add(value);
      }
    }
    return this;
  }

  public ErasureSet addNames(Iterable<String> fullNames) {
    for (String name : fullNames) {
      if (name != null && !name.isBlank()) {
        names.add(name.strip());
      }
    }
    return this;
  }

  /** Counts a requested identifier that no table held. */
  public void countNotFound() {
    notFound++;
  }

  public Set<String> get(IdentifierKind kind) {
    return Collections.unmodifiableSet(values.get(kind));
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(names);
  }

  public int notFound() {
    return notFound;
  }

  /** The salted hash of every value, by kind. */
  public Map<IdentifierKind, Set<String>> hashes(IdentifierHasher hasher) {
    Map<IdentifierKind, Set<String>> out = new EnumMap<>(IdentifierKind.class);
    values.forEach((kind, set) -> {
      Set<String> hashed = new LinkedHashSet<>();
      set.forEach(v -> hashed.add(hasher.hash(kind, v)));
      out.put(kind, hashed);
    });
    return out;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ErasureSet[");
    values.forEach((kind, set) -> out.append(kind.label()).append('=').append(set.size()).append(' '));
    return out.append("names=").append(names.size()).append(']').toString();
  }
}
