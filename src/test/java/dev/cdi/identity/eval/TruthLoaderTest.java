package dev.cdi.identity.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cdi.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthLoaderTest {

  private final SparkSession spark = SharedSpark.session();

  private static List<String> rows(Dataset<Row> truth) {
    assertEquals(List.of("record_key", "entity_id"), List.of(truth.columns()));
    return truth.orderBy("record_key").collectAsList().stream().map(r -> r.getString(0) + "=" + r.getString(1))
        .toList();
  }

  @Test
  void readsEveryGeneratorPartFromTheOutputOrTheIdentitiesFolder(@TempDir Path dir) throws IOException {
    Path identities = Files.createDirectories(dir.resolve("_truth/identities"));
    Files.writeString(identities.resolve("part-00000.csv"),
        "source,source_record_id,person_id\ncrm_contacts,C-1,P-1\necom_customers,7,P-1\n");
    Files.writeString(identities.resolve("part-00001.csv"),
        "source,source_record_id,person_id\ncrm_contacts,\"C-2\",P-2\n,9,P-3\n");
    Files.writeString(identities.resolve("_SUCCESS"), "");
    List<String> expected = List.of("crm_contacts:C-1=P-1", "crm_contacts:C-2=P-2", "ecom_customers:7=P-1");
    assertEquals(expected, rows(TruthLoader.generatorTruth(spark, dir.toString())));
    assertEquals(expected, rows(TruthLoader.generatorTruth(spark, identities.toString())));
  }

  @Test
  void generatorErrorsNameThePath(@TempDir Path dir) {
    assertEquals("truth path " + dir.resolve("nope") + " does not exist", assertThrows(IllegalArgumentException.class,
        () -> TruthLoader.generatorTruth(spark, dir.resolve("nope").toString())).getMessage());
    assertEquals("no generator truth under " + dir + ": expected part-*.csv files in " + dir
        + "/_truth/identities (or give that folder itself)", assertThrows(IllegalArgumentException.class,
        () -> TruthLoader.generatorTruth(spark, dir.toString())).getMessage());
  }

  @Test
  void derivesFebrlEntitiesFromTheRecordIdWithTrimmedHeaderAndValues(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("dataset1.csv");
    Files.writeString(csv, "rec_id, given_name, surname\n"
        + "rec-223-org, , waller\n"
        + "rec-223-dup-0, kate, waller\n"
        + "rec-12-org, lachlan, berry\n"
        + "odd-id, x, y\n");
    LabelledTruthSpec spec = new LabelledTruthSpec(csv.toString(), TruthFormat.parse("CSV"), " rec_id",
        EntityRule.regex("^rec-(\\d+)-"), "febrl");
    // odd-id does not match the regex and is left out.
    assertEquals(List.of("febrl:rec-12-org=12", "febrl:rec-223-dup-0=223", "febrl:rec-223-org=223"),
        rows(TruthLoader.labelled(spark, spec)));
  }

  @Test
  void readsAnEntityColumnFromParquet(@TempDir Path dir) {
    String path = dir.resolve("labels").toString();
    spark.createDataFrame(List.of(new Label(" 1 ", "A"), new Label("2", " A"), new Label("3", "B"),
        new Label("4", " ")), Label.class).write().parquet(path);
    LabelledTruthSpec spec = new LabelledTruthSpec(path, TruthFormat.PARQUET, "id", EntityRule.column("person"),
        "shop");
    // The blank entity of record 4 is left out.
    assertEquals(List.of("shop:1=A", "shop:2=A", "shop:3=B"), rows(TruthLoader.labelled(spark, spec)));
  }

  @Test
  void labelledErrorsNameThePathAndColumn(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, "rec_id, name\nr1, a\n");
    LabelledTruthSpec noEntity = new LabelledTruthSpec(csv.toString(), TruthFormat.CSV, "rec_id",
        EntityRule.column("cluster"), "s");
    assertEquals("truth table " + csv + " is missing required column(s) [cluster]; it has [rec_id, name]",
        assertThrows(IllegalArgumentException.class, () -> TruthLoader.labelled(spark, noEntity)).getMessage());
    LabelledTruthSpec missing = new LabelledTruthSpec(dir.resolve("x.csv").toString(), TruthFormat.CSV, "rec_id",
        EntityRule.column("cluster"), "s");
    assertEquals("truth path " + dir.resolve("x.csv") + " does not exist",
        assertThrows(IllegalArgumentException.class, () -> TruthLoader.labelled(spark, missing)).getMessage());
    assertEquals("truth.entity_regex must have exactly 1 capture group, got 0 in 'rec-'",
        assertThrows(IllegalArgumentException.class, () -> EntityRule.regex("rec-")).getMessage());
    assertEquals("truth format must be one of [csv, parquet, delta], got 'json'",
        assertThrows(IllegalArgumentException.class, () -> TruthFormat.parse("json")).getMessage());
  }

  /** A row of the Parquet test table. */
  public static final class Label implements java.io.Serializable {
    private String id;
    private String person;

    public Label() {
    }

    Label(String id, String person) {
      this.id = id;
      this.person = person;
    }

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getPerson() {
      return person;
    }

    public void setPerson(String person) {
      this.person = person;
    }
  }
}
