package dev.cdi.identity.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.identity.block.ViewBander.RecordBands;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewBanderTest {

  private static BlockingView view(String name) {
    return new BlockingView(name, List.of(Shingler.qgrams("given_name"), Shingler.qgrams("surname"),
        Shingler.value("dob")), 6, 3, 50);
  }

  @Test
  void shinglesAreTheUnionOfTheShinglers() {
    ViewBander bander = new ViewBander(view("name"), 1L, 2);
    assertEquals(List.of("given_name:q2:#j", "given_name:q2:jo", "given_name:q2:o#", "surname:q2:#l",
        "surname:q2:li", "surname:q2:i#", "dob:v:1990-01-02"), bander.shingles(new String[] {"jo", "li",
        "1990-01-02"}));
  }

  @Test
  void identicalRecordsShareEveryKey() {
    ViewBander bander = new ViewBander(view("name"), 1L, 2);
    RecordBands a = bander.bands(new String[] {"anna", "smith", null});
    RecordBands b = new ViewBander(view("name"), 1L, 2).bands(new String[] {" anna", "smith ", ""});
    assertEquals(6, a.bucketKeys().length);
    assertArrayEquals(a.bucketKeys(), b.bucketKeys());
    assertEquals(a.refineKeys(), b.refineKeys());
    assertEquals(6, Arrays.stream(a.bucketKeys()).distinct().count(), "bands have distinct keys");
  }

  @Test
  void disjointRecordsShareNoKey() {
    ViewBander bander = new ViewBander(view("name"), 1L, 2);
    long[] a = bander.bands(new String[] {"anna", "smith", null}).bucketKeys();
    long[] b = bander.bands(new String[] {"bob", "kuwu", null}).bucketKeys();
    for (int band = 0; band < a.length; band++) {
      assertNotEquals(a[band], b[band]);
    }
  }

  @Test
  void keysDependOnSeedAndViewName() {
    String[] values = {"anna", "smith", null};
    long[] base = new ViewBander(view("name"), 1L, 2).bands(values).bucketKeys();
    assertNotEquals(base[0], new ViewBander(view("name"), 2L, 2).bands(values).bucketKeys()[0]);
    assertNotEquals(base[0], new ViewBander(view("other"), 1L, 2).bands(values).bucketKeys()[0]);
  }

  @Test
  void recordWithoutShinglesIsAbsent() {
    RecordBands bands = new ViewBander(view("name"), 1L, 2).bands(new String[] {null, " ", ""});
    assertTrue(bands.absent());
    assertEquals(0, bands.bucketKeys().length);
  }

  @Test
  void refineKeysPackOneSixteenBitSubKeyPerLevel() {
    String[] values = {"anna", "smith", "1990-01-02"};
    assertEquals(0L, new ViewBander(view("name"), 1L, 0).bands(values).refineKeys());
    long two = new ViewBander(view("name"), 1L, 2).bands(values).refineKeys();
    assertEquals(0L, two >>> 32, "two levels use the low 32 bits");
    long four = new ViewBander(view("name"), 1L, 4).bands(values).refineKeys();
    assertNotEquals(0L, four >>> 48, "level 4 uses the top 16 bits");
  }
}
