package dev.cdi.config;

import java.io.Serializable;
import java.util.List;

/**
 * Where a canonical silver field takes its value from, in a source's {@code silver} mapping. Written in YAML as
 * <ul>
 *   <li>{@code FirstName}: a bronze column; {@code shipping_address.city} reads a field of a JSON-text column
 *       when no column has that exact name;</li>
 *   <li>{@code {column: Birthdate, formats: [MM/dd/yyyy]}}: a column with parse formats (timestamps and dates);</li>
 *   <li>{@code {value: US}}: a literal;</li>
 *   <li>{@code {expr: "lower(EmailOptOut) = 'false'"}}: a Spark SQL expression over the bronze columns.</li>
 * </ul>
 *
 * @param kind    column, literal value or SQL expression
 * @param text    the column name/path, the literal, or the expression
 * @param formats parse formats for time fields (empty: ISO-8601); see the silver TimestampParser
 */
public record FieldSpec(Kind kind, String text, List<String> formats) implements Serializable {

  /** How {@link FieldSpec#text()} is interpreted. */
  public enum Kind { COLUMN, VALUE, EXPR }

  public FieldSpec {
    formats = List.copyOf(formats);
  }

  public static FieldSpec column(String name) {
    return new FieldSpec(Kind.COLUMN, name, List.of());
  }
}
