package dev.cdi.identity.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LshSettingsTest {

  private static BlockingView view(String name) {
    return new BlockingView(name, List.of(Shingler.qgrams("given_name"), Shingler.qgrams("surname")), 10, 3, 50);
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void viewValidatesItsFields() {
    List<Shingler> names = List.of(Shingler.qgrams("surname"));
    assertEquals("lsh.bands must be >= 1, got 0 (view name)", message(() -> new BlockingView("name", names, 0, 2, 50)));
    assertEquals("lsh.rows must be >= 1, got 0 (view name)", message(() -> new BlockingView("name", names, 5, 0, 50)));
    assertEquals("lsh.maxBucketSize must be >= 2, got 1 (view name)",
        message(() -> new BlockingView("name", names, 5, 2, 1)));
    assertEquals("lsh.bands * lsh.rows must be <= 1024, got 100 * 11 (view name)",
        message(() -> new BlockingView("name", names, 100, 11, 50)));
    assertEquals("lsh.view.shinglers must not be empty (view name)",
        message(() -> new BlockingView("name", List.of(), 5, 2, 50)));
    assertEquals("lsh.view.name must not be blank, got ''", message(() -> new BlockingView("", names, 5, 2, 50)));
  }

  @Test
  void viewColumnsAreDistinctInOrder() {
    BlockingView view = new BlockingView("addr", List.of(Shingler.value("street_number"),
        Shingler.qgrams("address_1"), Shingler.tokens("address_1")), 5, 2, 50);
    assertEquals(List.of("street_number", "address_1"), view.columns());
    assertEquals(5 * 2 + 3 * 2, view.hashCount(3));
  }

  @Test
  void viewShinglersAreCopied() {
    List<Shingler> shinglers = new ArrayList<>(List.of(Shingler.qgrams("surname")));
    BlockingView view = new BlockingView("name", shinglers, 5, 2, 50);
    shinglers.clear();
    assertEquals(1, view.shinglers().size());
  }

  @Test
  void settingsValidateViewsAndRefinements() {
    assertEquals("lsh.views must have 1 to 31 views, got 0", message(() -> new LshSettings(List.of(), 1L, 3)));
    assertEquals("lsh.views must have 1 to 31 views, got 32",
        message(() -> new LshSettings(Collections.nCopies(32, view("a")), 1L, 3)));
    assertEquals("lsh.views names must be unique, got 'name' twice",
        message(() -> LshSettings.of(1L, view("name"), view("name"))));
    assertEquals("lsh.maxRefinements must be between 0 and 4, got 5",
        message(() -> new LshSettings(List.of(view("name")), 1L, 5)));
    LshSettings settings = LshSettings.of(7L, view("name"), view("other"));
    assertEquals(List.of("name", "other"), settings.viewNames());
    assertEquals(LshSettings.DEFAULT_MAX_REFINEMENTS, settings.maxRefinements());
  }
}
