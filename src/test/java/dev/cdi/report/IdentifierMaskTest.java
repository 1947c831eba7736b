package dev.cdi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifierMaskTest {

  @Test
  void masksEmailsPhonesAndShortValues() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("test@test.com", "t\u2022\u2022\u2022@t\u2022\u2022\u2022.com");
    expected.put("amy.ruiz77@mail.example.co.uk", "a\u2022\u2022\u2022@m\u2022\u2022\u2022.uk");
    expected.put("@nolocal", "\u2022\u2022\u2022@n\u2022\u2022\u2022");
    expected.put("+15550000000", "\u2022\u2022\u202200");
    expected.put("LOY123456", "\u2022\u2022\u202256");
    expected.put("12345", "\u2022\u2022\u2022");
    expected.put("", "");
    expected.put(null, "");
    expected.forEach((value, masked) -> assertEquals(masked, IdentifierMask.mask(value), String.valueOf(value)));
  }

  @Test
  void neverSplitsASurrogatePair() {
    assertEquals("\uD83D\uDE00\u2022\u2022\u2022@x\u2022\u2022\u2022.io", IdentifierMask.mask("\uD83D\uDE00a@xy.io"));
    assertEquals("\u2022\u2022\u2022a\uD83D\uDE00", IdentifierMask.mask("abcdefa\uD83D\uDE00"));
  }
}
