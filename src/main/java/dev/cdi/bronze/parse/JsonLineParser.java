package dev.cdi.bronze.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.regex.Pattern;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one JSON-lines record into top-level fields, all kept as text: strings as they are, numbers with their
 * written digits (decimals are not rounded), booleans as {@code true}/{@code false}, nested objects and arrays as
 * compact JSON, JSON null as null. A line that is not a single JSON object, has duplicate keys or trailing
 * content, or a value over the field size limit is rejected with a reason.
 */
public final class JsonLineParser {

  /** Jackson quotes the input in some messages; reasons must not copy record content (it may be personal data). */
  private static final Pattern SOURCE_EXCERPT = Pattern.compile("\\s*\\(start marker at \\[Source:.*?\\]\\)");

  private final ObjectMapper mapper;
  private final int maxFieldBytes;

  /**
   * Fields or a reason.
   *
   * @param fields top-level fields in document order, {@code null} on error
   * @param error  what is wrong
   */
  public record Result(Map<String, String> fields, String error) {
  }

  public JsonLineParser(int maxFieldBytes) {
    this.maxFieldBytes = maxFieldBytes;
    this.mapper = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  }

  public Result parse(String line) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      String message = SOURCE_EXCERPT.matcher(e.getOriginalMessage()).replaceAll("");
      return new Result(null, "invalid JSON: " + message + locate(e));
    }
    if (node == null || !node.isObject()) {
      String kind = node == null ? "empty" : node.getNodeType().name().toLowerCase(Locale.ROOT);
      return new Result(null, "JSON line is " + article(kind) + kind + ", not an object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String value = render(e.getValue());
      if (value != null && FieldSize.exceeds(value, maxFieldBytes)) {
        return new Result(null, FieldSize.describe(e.getKey(), value, maxFieldBytes));
      }
      fields.put(e.getKey(), value);
    }
    return new Result(fields, null);
  }

  private static String render(JsonNode value) {
    if (value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBigDecimal()) {
      return value.decimalValue().toString();
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    return value.toString();
  }

  private static String locate(JsonProcessingException e) {
    if (e.getLocation() == null) {
      return "";
    }
    return " (at character " + e.getLocation().getColumnNr() + ")";
  }

  private static String article(String kind) {
    return "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
  }
}
