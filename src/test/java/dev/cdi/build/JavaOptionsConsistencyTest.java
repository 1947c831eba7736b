package dev.cdi.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Java 17 options live twice (pom for tests, conf/java17.options for scripts and spark-submit): keep them equal. */
class JavaOptionsConsistencyTest {

  @Test
  void pomAndOptionsFileListTheSameFlags() throws IOException {
    Matcher m = Pattern.compile("<java17.opens>(.*?)</java17.opens>", Pattern.DOTALL)
        .matcher(Files.readString(Path.of("pom.xml")));
    assertEquals(true, m.find(), "pom.xml defines java17.opens");
    List<String> fromPom = Arrays.asList(m.group(1).trim().split("\\s+"));
    List<String> fromFile = Files.readAllLines(Path.of("conf/java17.options")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertEquals(fromFile, fromPom);
  }
}
