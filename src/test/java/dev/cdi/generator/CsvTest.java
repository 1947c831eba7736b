package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesOnlyWhenNeeded() {
    String line = Csv.line(new String[] {"plain", "a,b", "say \"hi\"", "two\nlines", null, ""}, ',');
    assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,", line);
  }

  @Test
  void semicolonFilesQuoteSemicolonsNotCommas() {
    assertEquals("SMITH, ROBERT;\"a;b\"", Csv.line(new String[] {"SMITH, ROBERT", "a;b"}, ';'));
  }
}
