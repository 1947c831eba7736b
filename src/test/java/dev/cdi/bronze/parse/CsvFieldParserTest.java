package dev.cdi.bronze.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvFieldParserTest {

  private final CsvFieldParser parser = new CsvFieldParser(',', '\'');

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("a,b,c", List.of("a", "b", "c")),
        Arguments.of("", List.of("")),
        Arguments.of("''", List.of("")),
        Arguments.of("a,,c", List.of("a", "", "c")),
        Arguments.of("a,", List.of("a", "")),
        Arguments.of(",", List.of("", "")),
        Arguments.of("'x,y',z", List.of("x,y", "z")),
        Arguments.of("'it''s',ok", List.of("it's", "ok")),
        Arguments.of("'multi\nline',2", List.of("multi\nline", "2")),
        Arguments.of("5' tall,x", List.of("5' tall", "x")),
        Arguments.of(" ' spaced ',b", List.of(" ' spaced '", "b")),
        Arguments.of("' spaced ',b", List.of(" spaced ", "b")),
        Arguments.of("a;b,😀", List.of("a;b", "😀")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("valid")
  void splitsFields(String record, List<String> expected) {
    CsvFieldParser.Result result = parser.parse(record);
    assertNull(result.error());
    assertEquals(expected, result.fields());
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("'open,x", "quoted field starting at character 1 is never closed"),
        Arguments.of("a,'b'c", "unexpected character 'c' after closing quote at character 6"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("broken")
  void rejectsBrokenQuoting(String record, String error) {
    CsvFieldParser.Result result = parser.parse(record);
    assertNull(result.fields());
    assertEquals(error, result.error());
  }
}
