package dev.cdi.identity.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cdi.identity.link.IdentifierLinkSettings.HubRule;
import dev.cdi.identity.link.IdentifierLinkSettings.Identifier;
import dev.cdi.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class IdentifierLinksTest {

  private static final StructType SCHEMA = new StructType().add("node_id", DataTypes.LongType)
      .add("family_key", DataTypes.StringType).add("email_key", DataTypes.StringType)
      .add("phone_e164", DataTypes.StringType);
  private static final IdentifierLinkSettings SETTINGS = new IdentifierLinkSettings(List.of(
      new Identifier("email", "email_key", Set.of("test@test.com")),
      new Identifier("phone", "phone_e164", Set.of())), new HubRule("family_key", 3, 50));

  private final SparkSession spark = SharedSpark.session();

  private Dataset<Row> records(List<Row> rows) {
    return spark.createDataFrame(rows, SCHEMA);
  }

  @Test
  void recordsSharingAnIdentifierArePairedOnceWithEveryIdentifierTheyShare() {
    Dataset<Row> records = records(List.of(
        RowFactory.create(1L, "smith", "ann@x.com", "+15550001"),
        RowFactory.create(2L, "smith", "ann@x.com", "+15550001"),
        RowFactory.create(3L, "smith", null, "+15550001"),
        RowFactory.create(4L, "jones", "bob@x.com", null),
        RowFactory.create(5L, "brown", "test@test.com", null),
        RowFactory.create(6L, "green", "test@test.com", null)));
    IdentifierLinks.Result result = IdentifierLinks.link(records, SETTINGS);
    assertEquals(List.of("1-2 [email, phone]", "1-3 [phone]", "2-3 [phone]"), pairs(result.pairs()));
    assertEquals(List.of("email|test@test.com|2|2|blocked"), excluded(result.excluded()));
    assertEquals(IdentifierLinks.PAIRS, result.pairs().schema());
  }

  @Test
  void aPhoneSharedByManyDifferentPeopleIsAHubAndLinksNobody() {
    List<Row> rows = new ArrayList<>();
    for (long i = 1; i <= 500; i++) {
      rows.add(RowFactory.create(i, "family" + i, "p" + i + "@x.com", "+13125550000"));
    }
    rows.add(RowFactory.create(501L, "family1", "p1@x.com", null));
    IdentifierLinks.Result result = IdentifierLinks.link(records(rows), SETTINGS);
    assertEquals(List.of("1-501 [email]"), pairs(result.pairs()));
    assertEquals(List.of("phone|+13125550000|500|500|hub: more than 50 records"), excluded(result.excluded()));
  }

  @Test
  void aValueSharedByFewRecordsButTooManyNamesIsAHub() {
    Dataset<Row> records = records(List.of(
        RowFactory.create(1L, "a", null, "+1"), RowFactory.create(2L, "b", null, "+1"),
        RowFactory.create(3L, "c", null, "+1"), RowFactory.create(4L, "d", null, "+1"),
        RowFactory.create(5L, "e", null, "+2"), RowFactory.create(6L, "e", null, "+2"),
        RowFactory.create(7L, null, null, "+2")));
    IdentifierLinks.Result result = IdentifierLinks.link(records, SETTINGS);
    assertEquals(List.of("5-6 [phone]", "5-7 [phone]", "6-7 [phone]"), pairs(result.pairs()));
    assertEquals(List.of("phone|+1|4|4|hub: more than 3 distinct family_key"), excluded(result.excluded()));
  }

  private static List<String> pairs(Dataset<Row> pairs) {
    return pairs.orderBy("left_id", "right_id").collectAsList().stream()
        .map(r -> r.getLong(0) + "-" + r.getLong(1) + " " + r.getList(2)).toList();
  }

  private static List<String> excluded(Dataset<Row> excluded) {
    return excluded.orderBy("identifier", "value").collectAsList().stream()
        .map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getLong(2) + "|" + r.getLong(3) + "|"
            + r.getString(4)).toList();
  }
}
