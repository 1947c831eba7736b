package dev.cdi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.identity.IdentitySettings;
import dev.cdi.identity.block.Shingler;
import dev.cdi.identity.score.ComparisonOption;
import dev.cdi.identity.score.TypoCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityConfigTest {

  private static String yaml(String identity) {
    return """
        lakehouse: /l
        sources:
          crm:
            format: csv
            path: "*.csv"
            silver: {identity: {id: id, email: email}}
        identity:
        %s
        """.formatted(identity.indent(2));
  }

  private static final String VALID = """
      identifiers:
        email: {column: email_key, blocked: [test@test.com]}
      hubs: {max_distinct_names: 4}
      blocking:
        views:
          - {name: name, bands: 10, rows: 5, max_bucket_size: 100,
             shingles: [{column: given_key, kind: qgrams, q: 2, attribute: name}, {column: family_key}]}
          - {name: family_birth, bands: 8, rows: 3, shingles: [{column: family_key, keyed_by: birth_date}]}
      comparisons:
        - {name: given_name, column: given_key, kind: string, thresholds: [0.9, 0.8], tf_adjust: true,
           nicknames: true, typo_check: {min_count: 4}}
        - {name: birth_date, column: birth_date, kind: date}
      derived_columns:
        name_text: "concat(given_key, family_key)"
        initial: "substring(name_text, 1, 1)"
      match_threshold: 0.9
      conflicts: [{comparison: birth_date, max_level: 0}]
      clustering: {max_cluster_size: 50, duplicate_free_sources: [crm]}
      """;

  @Test
  void theShippedConfigurationsLoad() {
    IdentitySettings shipped = ConfigLoader.load(Path.of("conf/pipeline.yaml")).identitySettings();
    assertEquals(List.of("email", "phone", "loyalty"), shipped.identifiers().identifiers().stream()
        .map(i -> i.name()).toList());
    assertEquals(3, shipped.blocking().views().size());
    IdentitySettings febrl = ConfigLoader.load(Path.of("conf/examples/febrl.yaml")).identitySettings();
    assertEquals(7, febrl.comparisons().specs().size());
  }

  @Test
  void aValidSectionBecomesSettings() {
    IdentitySettings s = ConfigLoader.parse(yaml(VALID), "i.yaml").identitySettings();
    assertEquals(4, s.identifiers().hubs().maxDistinctNames());
    assertEquals("family_key", s.identifiers().hubs().nameColumn());
    assertEquals(List.of("given_key", "family_key"), s.blocking().views().get(0).columns());
    assertEquals(Shingler.qgrams("family_key").keyedBy("birth_date"), s.blocking().views().get(1).shinglers().get(0));
    assertEquals(List.of("family_key", "birth_date"), s.blocking().views().get(1).columns());
    assertEquals(0.9, s.matchThreshold());
    assertEquals(Set.of(ComparisonOption.TF_ADJUST, ComparisonOption.NICKNAME_LEVEL),
        s.comparisons().specs().get(0).options());
    assertEquals(List.of("crm"), s.clustering().duplicateFreeSources());
    assertEquals(50, s.clustering().maxClusterSize());
    assertEquals(new TypoCheck(4, 0.05), s.comparisons().specs().get(0).typoCheck());
    assertEquals(null, s.comparisons().specs().get(1).typoCheck());
    assertEquals(List.of("name_text", "initial"), List.copyOf(s.derivedColumns().keySet()));
    assertEquals("substring(name_text, 1, 1)", s.derivedColumns().get("initial"));
  }

  @Test
  void mistakesNameTheKeyAndTheFile() {
    assertEquals("identity.match_threshold must be in (0,1], got 1.4 (i.yaml)", assertThrows(ConfigException.class,
        () -> ConfigLoader.parse(yaml(VALID.replace("match_threshold: 0.9", "match_threshold: 1.4")), "i.yaml"))
        .getMessage());
    assertEquals("identity.conflicts names unknown comparison 'dob'; comparisons: [given_name, birth_date] (i.yaml)",
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml(VALID.replace("comparison: birth_date",
            "comparison: dob")), "i.yaml")).getMessage());
    assertEquals("identity.clustering.duplicate_free_sources[0] names unknown source 'shop'; configured sources:"
        + " [crm] (i.yaml)", assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml(VALID.replace(
            "duplicate_free_sources: [crm]", "duplicate_free_sources: [shop]")), "i.yaml")).getMessage());
    assertEquals("typo_check.max_typo_share must be in (0, 1), got 2.0 (i.yaml)", assertThrows(
        ConfigException.class, () -> ConfigLoader.parse(yaml(VALID.replace("min_count: 4",
            "min_count: 4, max_typo_share: 2")), "i.yaml")).getMessage());
    assertEquals("identity.derived_columns: a column name must match [a-z][a-z0-9_]*, got 'Name' (i.yaml)",
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml(VALID.replace("name_text:", "Name:")),
            "i.yaml")).getMessage());
    assertEquals("lsh.shingler.keyed_by must name another column than family_key, got 'family_key' (i.yaml)",
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml(VALID.replace("keyed_by: birth_date",
            "keyed_by: family_key")), "i.yaml")).getMessage());
    assertEquals("the configuration has no 'identity' section, so records cannot be resolved (n.yaml)",
        assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml(VALID).substring(0,
            yaml(VALID).lastIndexOf("identity:")), "n.yaml").identitySettings()).getMessage());
  }
}
