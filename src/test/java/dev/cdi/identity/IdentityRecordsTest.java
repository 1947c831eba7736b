package dev.cdi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.config.ConfigLoader;
import dev.cdi.testing.SharedSpark;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class IdentityRecordsTest {

  private static final IdentitySettings SHIPPED = ConfigLoader.load(Path.of("conf/pipeline.yaml")).identitySettings();
  private static final StructType SILVER = new StructType().add("record_key", DataTypes.StringType)
      .add("given_canonical", DataTypes.StringType).add("family_key", DataTypes.StringType)
      .add("email_key", DataTypes.StringType);

  @Test
  void theShippedNameTextIsTheFullNameOrTheLettersOfTheEmailsLocalPart() {
    Dataset<Row> silver = SharedSpark.session().createDataFrame(List.of(
        RowFactory.create("a", "amy", "ruiz", "aruiz96713@contoso.com"),
        RowFactory.create("b", null, null, "amy.ruiz669264@hotmail.com"),
        RowFactory.create("c", "walter", null, "waltermoore820921@outlook.com"),
        RowFactory.create("d", null, "li", "12345@x.org"),
        RowFactory.create("e", "lisa", null, null)), SILVER);

    Dataset<Row> derived = IdentityRecords.withDerived(silver, SHIPPED);

    assertEquals(List.of("record_key", "given_canonical", "family_key", "email_key", "name_text"),
        Arrays.asList(derived.columns()));
    assertEquals(List.of("a=amyruiz", "b=amyruiz", "c=waltermoore", "d=null", "e=null"),
        derived.orderBy("record_key").collectAsList().stream()
            .map(r -> r.getAs("record_key") + "=" + r.getAs("name_text")).toList());
  }

  @Test
  void anExpressionSparkCannotAnalyseFailsNamingTheColumn() {
    IdentitySettings broken = new IdentitySettings(SHIPPED.identifiers(), SHIPPED.blocking(), SHIPPED.comparisons(),
        SHIPPED.training(), SHIPPED.matchThreshold(), SHIPPED.conflicts(), SHIPPED.clustering(),
        Map.of("initial", "substring(nickname, 1, 1)"));
    Dataset<Row> silver = SharedSpark.session().createDataFrame(List.of(), SILVER);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IdentityRecords.withDerived(silver, broken));
    assertTrue(e.getMessage().startsWith("identity.derived_columns.initial: cannot evaluate "
        + "'substring(nickname, 1, 1)' on silver/identities: "), e.getMessage());
    assertTrue(e.getMessage().contains("nickname"), e.getMessage());
  }
}
