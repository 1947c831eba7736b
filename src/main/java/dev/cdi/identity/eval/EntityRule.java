package dev.cdi.identity.eval;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** How a labelled truth table gives each record's entity: a column, or a regex over the record id. */
public sealed interface EntityRule permits EntityRule.FromColumn, EntityRule.FromRecordId {

  /** The entity is the (trimmed) value of {@code column}. */
  public static EntityRule column(String column) {
    return new FromColumn(column);
  }

  /** The entity is capture group 1 of {@code regex} applied to the trimmed record id, e.g. {@code ^rec-(\d+)-}. */
  public static EntityRule regex(String regex) {
    return new FromRecordId(regex);
  }

  /** @param column the entity column's name (trimmed) */
  record FromColumn(String column) implements EntityRule {

    public FromColumn {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("truth.entity_column must not be blank, got '" + column + "'");
      }
      column = column.strip();
    }
  }

  /** @param regex a Java regex with exactly one capture group */
  record FromRecordId(String regex) implements EntityRule {

    public FromRecordId {
      if (regex == null || regex.isEmpty()) {
        throw new IllegalArgumentException("truth.entity_regex must not be empty");
      }
      int groups;
      try {
        groups = Pattern.compile(regex).matcher("").groupCount();
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("truth.entity_regex is not a valid regex: " + e.getMessage(), e);
      }
      if (groups != 1) {
        throw new IllegalArgumentException("truth.entity_regex must have exactly 1 capture group, got " + groups
            + " in '" + regex + "'");
      }
    }
  }
}
