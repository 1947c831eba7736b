package dev.cdi.bronze.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLineParserTest {

  private final JsonLineParser parser = new JsonLineParser(20);

  @Test
  void keepsEveryValueAsWrittenText() {
    JsonLineParser.Result r = parser.parse(
        "{\"id\": 100234, \"total\": 45.10, \"ok\": true, \"none\": null, \"addr\": {\"city\": \"Oslo\"},"
            + " \"tags\": [1, \"a\"], \"name\": \"Zoë\"}");
    Map<String, String> want = new LinkedHashMap<>();
    want.put("id", "100234");
    want.put("total", "45.10");
    want.put("ok", "true");
    want.put("none", null);
    want.put("addr", "{\"city\":\"Oslo\"}");
    want.put("tags", "[1,\"a\"]");
    want.put("name", "Zoë");
    assertNull(r.error());
    assertEquals(want, r.fields());
    assertEquals(java.util.List.copyOf(want.keySet()), java.util.List.copyOf(r.fields().keySet()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`{\"a\": 1`|invalid JSON: Unexpected end-of-input: expected close marker for Object (at character 8)",
      "[1, 2]|JSON line is an array, not an object",
      "42|JSON line is a number, not an object",
      "`{\"a\": 1, \"a\": 2}`|`invalid JSON: Duplicate field 'a' (at character 13)`",
      "`{\"a\": 1} x`|`invalid JSON: Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or"
          + " token 'null', 'true' or 'false') (at character 11)`",
      "`{\"long\": \"123456789012345678901\"}`|field 'long' is 21 bytes, over ingest.max_field_bytes (20)",
  })
  void rejectsWithAReason(String line, String reason) {
    JsonLineParser.Result r = parser.parse(line);
    assertNull(r.fields());
    assertEquals(reason, r.error());
  }

  @Test
  void rejectsASecondValueOnTheLine() {
    assertEquals("invalid JSON: Trailing token (of type START_OBJECT) found after value (bound as"
        + " `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
        + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS` (at character 10)", parser.parse("{\"a\": 1} {}").error());
  }
}
