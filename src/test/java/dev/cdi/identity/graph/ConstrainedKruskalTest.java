package dev.cdi.identity.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.identity.graph.ConstrainedKruskal.Link;
import dev.cdi.identity.graph.ConstrainedKruskal.Member;
import dev.cdi.identity.graph.ConstrainedKruskal.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConstrainedKruskalTest {

  private static Member dob(long node, String date) {
    return new Member(node, Map.of("birth_date", date));
  }

  private static Member plain(long node) {
    return new Member(node, Map.of());
  }

  @Test
  void chainWithConflictingEndsIsCutAtTheWeakerLink() {
    Split split = new ConstrainedKruskal(10).split(
        List.of(dob(1, "1980-02-01"), plain(2), dob(3, "1975-11-30")),
        List.of(new Link(1, 2, 0.9), new Link(3, 2, 0.6)));
    assertEquals(new Split(Map.of(1L, 1L, 2L, 1L, 3L, 3L), 2, 1, 0), split);
  }

  @Test
  void keysTravelWithMergedSets() {
    Split split = new ConstrainedKruskal(10).split(
        List.of(dob(1, "1980-02-01"), plain(2), plain(3), dob(4, "1975-11-30")),
        List.of(new Link(2, 3, 0.9), new Link(1, 2, 0.8), new Link(3, 4, 0.7)));
    assertEquals(new Split(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 4L), 2, 1, 0), split);
  }

  @Test
  void equalStrengthsAreTakenInEndIdOrderWhateverTheirDirection() {
    Split split = new ConstrainedKruskal(10).split(
        List.of(dob(1, "1980-02-01"), plain(2), dob(3, "1975-11-30")),
        List.of(new Link(3, 2, 0.5), new Link(2, 1, 0.5)));
    assertEquals(new Split(Map.of(1L, 1L, 2L, 1L, 3L, 3L), 2, 1, 0), split);
  }

  @Test
  void sizeLimitDropsTheWeakestLinks() {
    List<Link> star = List.of(new Link(1, 2, 0.9), new Link(1, 3, 0.8), new Link(1, 4, 0.7), new Link(5, 1, 0.6));
    Split split = new ConstrainedKruskal(3).split(List.of(plain(1), plain(2), plain(3), plain(4), plain(5)), star);
    assertEquals(new Split(Map.of(1L, 1L, 2L, 1L, 3L, 1L, 4L, 4L, 5L, 5L), 3, 0, 2), split);
  }

  @Test
  void conflictIsReportedBeforeSize() {
    Split split = new ConstrainedKruskal(1).split(List.of(dob(1, "1980-02-01"), dob(2, "1975-11-30")),
        List.of(new Link(1, 2, 1.0)));
    assertEquals(new Split(Map.of(1L, 1L, 2L, 2L), 2, 1, 0), split);
  }

  @Test
  void aPairLinkedTwiceCountsOnceAtItsGreatestStrength() {
    Split split = new ConstrainedKruskal(10).split(
        List.of(dob(1, "1980-02-01"), plain(2), dob(3, "1975-11-30")),
        List.of(new Link(1, 3, 0.95), new Link(3, 1, 0.4), new Link(2, 3, 0.5), new Link(1, 2, 0.3),
            new Link(2, 1, 0.6)));
    assertEquals(new Split(Map.of(1L, 1L, 2L, 1L, 3L, 3L), 2, 2, 0), split);
  }

  @Test
  void selfLoopsAndLinksLeavingTheComponentAreIgnored() {
    Split split = new ConstrainedKruskal(10).split(List.of(plain(4), plain(7), plain(9)),
        List.of(new Link(4, 4, 1.0), new Link(7, 100, 1.0), new Link(9, 7, 0.2)));
    assertEquals(new Split(Map.of(4L, 4L, 7L, 7L, 9L, 7L), 2, 0, 0), split);
  }

  @Test
  void sameKeySameValueIsNoConflictAndOtherKeysDoNotInterfere() {
    Split split = new ConstrainedKruskal(10).split(
        List.of(new Member(1, Map.of("birth_date", "1980-02-01", "source:crm", "a")),
            new Member(2, Map.of("birth_date", "1980-02-01", "source:pos", "x")),
            new Member(3, Map.of("source:crm", "b"))),
        List.of(new Link(1, 2, 0.9), new Link(2, 3, 0.8)));
    assertEquals(new Split(Map.of(1L, 1L, 2L, 1L, 3L, 3L), 2, 1, 0), split);
  }

  @Test
  void inputOrderDoesNotChangeTheSplit() {
    Random random = new Random(7);
    List<Member> members = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    for (long node = 1; node <= 60; node++) {
      members.add(node % 5 == 0 ? dob(node, "19" + (40 + node) + "-01-01") : plain(node));
      links.add(new Link(node, 1 + random.nextInt(60), random.nextInt(4) / 4.0));
    }
    Split expected = new ConstrainedKruskal(8).split(members, links);
    Collections.shuffle(members, random);
    Collections.shuffle(links, random);
    assertEquals(expected, new ConstrainedKruskal(8).split(members, links));
  }

  @Test
  void rejectsNaNStrength() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new Link(1, 2, Double.NaN));
    assertEquals("link 1-2 has a NaN strength", error.getMessage());
  }

  @Test
  void cannotLinkPairsNeverShareAPartEvenThroughAChain() {
    ConstrainedKruskal kruskal = new ConstrainedKruskal(10);
    List<ConstrainedKruskal.Member> members = List.of(new ConstrainedKruskal.Member(1, Map.of()),
        new ConstrainedKruskal.Member(2, Map.of()), new ConstrainedKruskal.Member(3, Map.of()));
    ConstrainedKruskal.Split split = kruskal.split(members, List.of(new ConstrainedKruskal.Link(1, 2, 5),
        new ConstrainedKruskal.Link(2, 3, 4)), List.of(new ConstrainedKruskal.Link(3, 1, 0)));
    assertEquals(Map.of(1L, 1L, 2L, 1L, 3L, 3L), split.clusterOf());
    assertEquals(1, split.rejectedForConflict());
  }
}
