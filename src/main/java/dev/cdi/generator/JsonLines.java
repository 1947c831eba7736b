package dev.cdi.generator;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Encodes one JSON value to compact UTF-8 with Jackson's streaming generator. Supported values: null, String,
 * Boolean, Integer, Long, BigDecimal (written as is, so money keeps 2 decimals), Map (object, in the map's
 * iteration order: use insertion-ordered maps) and Collection (array).
 */
final class JsonLines {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLines() {
  }

  static byte[] encode(Object value) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = FACTORY.createGenerator(buffer, JsonEncoding.UTF8)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer i) {
      g.writeNumber(i);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof Map<?, ?> map) {
      writeObject(g, map);
    } else if (value instanceof Collection<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("unsupported JSON value type " + value.getClass().getName());
    }
  }

  private static void writeObject(JsonGenerator g, Map<?, ?> map) throws IOException {
    g.writeStartObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      g.writeFieldName((String) entry.getKey());
      write(g, entry.getValue());
    }
    g.writeEndObject();
  }
}
