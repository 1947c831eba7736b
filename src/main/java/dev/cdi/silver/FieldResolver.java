package dev.cdi.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;

import dev.cdi.config.FieldSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a mapping's {@link FieldSpec}s into Spark columns over one bronze table, checking against the table's
 * schema before any Spark action runs. A column spec names a bronze column; when no column has that exact name
 * and the name contains dots, the part before the first dot names a JSON-text column and the rest is a path into
 * it ({@code shipping_address.city}). Every value comes out as a string: bronze holds raw text.
 */
public final class FieldResolver {

  private final String source;
  private final Map<String, String> columnsByLowerName = new LinkedHashMap<>();

  /**
   * @param source       source name, for messages
   * @param bronzeSchema schema of the source's bronze table
   */
  public FieldResolver(String source, StructType bronzeSchema) {
    this.source = source;
    Arrays.stream(bronzeSchema.fieldNames()).forEach(n -> columnsByLowerName.put(n.toLowerCase(Locale.ROOT), n));
  }

  /**
   * The column for {@code spec}.
   *
   * @param key the mapping key, for messages (for example {@code silver.identity.email})
   * @throws IllegalArgumentException when a named column does not exist
   */
  public Column resolve(String key, FieldSpec spec) {
    return switch (spec.kind()) {
      case VALUE -> lit(spec.text());
      case EXPR -> expr(spec.text()).cast(DataTypes.StringType);
      case COLUMN -> column(key, spec.text());
    };
  }

  private Column column(String key, String name) {
    String exact = columnsByLowerName.get(name.toLowerCase(Locale.ROOT));
    if (exact != null) {
      return col(quoted(exact));
    }
    int dot = name.indexOf('.');
    if (dot > 0) {
      String parent = columnsByLowerName.get(name.substring(0, dot).toLowerCase(Locale.ROOT));
      if (parent != null) {
        return get_json_object(col(quoted(parent)), "$." + name.substring(dot + 1));
      }
    }
    throw new IllegalArgumentException("sources." + source + "." + key + " names column '" + name
        + "', which bronze." + source + " does not have; its columns: " + columnsByLowerName.values());
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
