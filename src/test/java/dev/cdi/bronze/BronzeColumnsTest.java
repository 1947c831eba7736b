package dev.cdi.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.bronze.BronzeTransforms.BatchLineage;
import dev.cdi.bronze.BronzeTransforms.FieldKey;
import dev.cdi.bronze.BronzeTransforms.RawColumn;
import dev.cdi.testing.SharedSpark;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** How a batch's field names become bronze columns: order, Delta-safe names, spellings that differ in case. */
class BronzeColumnsTest {

  private final SparkSession spark = SharedSpark.session();

  @Test
  void spellingsThatDifferOnlyInCaseShareTheColumnOfTheCommonestSpelling() {
    List<RawColumn> columns = BronzeTransforms.columnsFor(List.of(
        new FieldKey("ID", 0, 1, false), new FieldKey("id", 0, 5, false), new FieldKey("Name", 1, 1, false),
        new FieldKey("name", 1, 5, false), new FieldKey("EMAIL", 2, 1, false), new FieldKey("email", 1, 1, false),
        new FieldKey("loyalty", 3, 1, false)));
    assertEquals(List.of(new RawColumn(List.of("ID", "id"), "id"), new RawColumn(List.of("Name", "name"), "name"),
        new RawColumn(List.of("email", "EMAIL"), "email"), new RawColumn(List.of("loyalty"), "loyalty")), columns);
  }

  @Test
  void aTieGoesToTheFirstSpellingInColumnOrder() {
    assertEquals(List.of(new RawColumn(List.of("Id", "id"), "Id")), BronzeTransforms.columnsFor(List.of(
        new FieldKey("id", 0, 2, false), new FieldKey("Id", 0, 2, false))));
  }

  @Test
  void spellingsOneRecordHoldsTogetherKeepAColumnEach() {
    assertEquals(List.of(new RawColumn(List.of("ID"), "ID"), new RawColumn(List.of("id"), "id__2"),
            new RawColumn(List.of("a b"), "a_b"), new RawColumn(List.of("a_b"), "a_b__2")),
        BronzeTransforms.columnsFor(List.of(new FieldKey("id", 0, 3, true), new FieldKey("ID", 0, 1, true),
            new FieldKey("a b", 1, 1, false), new FieldKey("a_b", 2, 1, false))));
  }

  @Test
  void fieldKeysCountRecordsAndFindSpellingsSharingARecord() {
    Dataset<Row> parsed = parsed(fields("ID", "1", "Name", "A"), fields("id", "2", "name", "B"),
        fields("id", "3", "name", "C"), fields("x", "4", "X", "5"));
    List<String> keys = BronzeTransforms.fieldKeyList(BronzeTransforms.fieldKeys(parsed)).stream()
        .map(k -> k.key() + ":" + k.firstPosition() + ":" + k.records() + ":" + k.sharesRecord()).sorted().toList();
    assertEquals(List.of("ID:0:1:false", "Name:1:1:false", "X:1:1:true", "id:0:2:false", "name:1:2:false",
        "x:0:1:true"), keys);
  }

  @Test
  void bronzeRowsTakeTheValueOfWhicheverSpellingTheRecordHolds() {
    Dataset<Row> parsed = parsed(fields("ID", "1", "Name", "A"), fields("id", "2", "name", "B"),
        fields("id", "3", "name", "C"));
    List<RawColumn> columns = BronzeTransforms.columnsFor(BronzeTransforms.fieldKeyList(
        BronzeTransforms.fieldKeys(parsed)));
    Dataset<Row> bronze = BronzeTransforms.toBronze(parsed, columns, new BatchLineage("s", "r1",
        Instant.parse("2026-11-25T00:00:00Z")));
    assertEquals(List.of("id", "name"), Arrays.stream(bronze.columns()).limit(2).toList());
    assertEquals(List.of("1|A", "2|B", "3|C"), bronze.selectExpr("concat_ws('|', id, name)").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted().toList());
  }

  private static Map<String, String> fields(String... keyValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put(keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  @SafeVarargs
  private Dataset<Row> parsed(Map<String, String>... records) {
    Timestamp modified = Timestamp.from(Instant.parse("2026-11-24T00:00:00Z"));
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < records.length; i++) {
      rows.add(RowFactory.create("file:/in/f.csv", "fp", modified, ParsedRows.KIND_VALID, (long) i + 1,
          (long) i + 2, "h" + i, scala.collection.JavaConverters.mapAsScalaMap(records[i]), null, null, false, 0L));
    }
    return spark.createDataFrame(rows, ParsedRows.SCHEMA);
  }
}
