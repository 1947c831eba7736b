package dev.cdi.bronze.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnNamesTest {

  @Test
  void makesNamesDeltaSafeAndUnique() {
    List<String> raw = Arrays.asList("Email", "email", "first name", "", null, "_source", "a=b;c", "EMAIL", "x\ty");
    assertEquals(List.of("Email", "email__2", "first_name", "column_4", "column_5", "raw_source", "a_b_c",
        "EMAIL__3", "x_y"), ColumnNames.uniquify(raw));
  }

  @Test
  void isIdempotent() {
    List<String> once = ColumnNames.uniquify(Arrays.asList("a b", "A B", "", "_x", "id"));
    assertEquals(once, ColumnNames.uniquify(once));
  }
}
