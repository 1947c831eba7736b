package dev.cdi.privacy;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dev.cdi.config.PipelineConfig;
import dev.cdi.config.SourceConfig;
import dev.cdi.io.Columns.EventMap;
import dev.cdi.io.Columns.Events;
import dev.cdi.io.Columns.IdHistory;
import dev.cdi.io.Columns.Identities;
import dev.cdi.io.Columns.IdentityMap;
import dev.cdi.io.DeltaIO;
import dev.cdi.io.Lakehouse;
import dev.cdi.io.TableId;
import dev.cdi.io.Tables;
import dev.cdi.privacy.ErasureRequest.Identifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Works out whom and what an {@link ErasureRequest} erases, reading silver and identity tables:
 * <ol>
 *   <li>each requested identifier leads to the customers whose records or events hold it (more than
 *       {@code maxCustomers} customers for one identifier is refused: it is a shared or placeholder value);</li>
 *   <li>those customers, with the ids they absorbed earlier ({@code identity/id_history}), lead to all their
 *       records and events;</li>
 *   <li>the identifiers of those records and events (emails, phones, cookie, device and loyalty ids) are erased
 *       where they are the person's alone: a value that a record or event of another customer also holds (a family
 *       email) stays, with that customer's rows; records and events not tied to any customer that hold one of the
 *       person's own identifiers are erased too;</li>
 *   <li>bronze rows that match any of this give their record and event keys, which also covers records and events
 *       that silver quarantined.</li>
 * </ol>
 * Cost: a few scans of silver and identity tables joined with the small request, one scan of each bronze table;
 * the results collected to the driver are the person's own keys and values.
 */
final class ErasureResolver {

  private static final String KIND = "_kind";
  private static final String VALUE = "_value";
  private static final String RECORD = "_record_key";
  private static final String EVENT = "_event_key";
  private static final String CUSTOMER = "_customer_id";
  private static final String POSITION = "_position";
  private static final StructType REQUEST = new StructType().add(POSITION, DataTypes.IntegerType)
      .add(KIND, DataTypes.StringType).add(VALUE, DataTypes.StringType);

  private final SparkSession spark;
  private final Lakehouse lakehouse;
  private final PipelineConfig config;
  private final int maxCustomers;

  ErasureResolver(SparkSession spark, PipelineConfig config, Lakehouse lakehouse, int maxCustomers) {
    this.spark = spark;
    this.config = config;
    this.lakehouse = lakehouse;
    this.maxCustomers = maxCustomers;
  }

  /** The plaintext erasure set of {@code request}; {@code hasher} is used to match bronze rows. */
  ErasureSet resolve(ErasureRequest request, IdentifierHasher hasher) {
    Holders holders = holders();
    holders.all().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return resolve(request, hasher, holders);
    } finally {
      holders.all().unpersist();
    }
  }

  private ErasureSet resolve(ErasureRequest request, IdentifierHasher hasher, Holders holders) {
    ErasureSet set = new ErasureSet();
    List<Row> hits = hits(request, holders.all());
    Set<String> customers = customersOf(request, hits, set);
    customers.addAll(absorbed(customers));
    Set<String> records = collect(holders.map().where(in(CUSTOMER, customers)), RECORD);
    Set<String> events = collect(holders.eventMap().where(in(CUSTOMER, customers)), EVENT);
    hits.forEach(h -> {
      addIfPresent(records, h, 1);
      addIfPresent(events, h, 2);
    });
    events.addAll(collect(holders.events().where(in(RECORD, records)), EVENT));
    addOwnIdentifiers(holders.all(), customers, records, events, set);
    set.add(IdentifierKind.CUSTOMER, customers).add(IdentifierKind.RECORD, records).add(IdentifierKind.EVENT, events);
    set.addNames(collect(holders.names().where(in(RECORD, records)), VALUE));
    fromBronze(set, hasher);
    return set;
  }

  /**
   * Adds to {@code set} the identifiers of {@code records} and {@code events} that no other customer's record or
   * event holds, and adds to {@code records} and {@code events} the other holders of those identifiers (records
   * and events tied to no customer).
   */
  private static void addOwnIdentifiers(Dataset<Row> all, Set<String> customers, Set<String> records,
                                        Set<String> events, ErasureSet set) {
    Dataset<Row> candidates = all.where(in(RECORD, records).or(in(EVENT, events)))
        .where(col(KIND).isin(IdentifierKind.EMAIL.label(), IdentifierKind.PHONE.label(), IdentifierKind.ID.label()))
        .select(KIND, VALUE).distinct();
    Dataset<Row> holdersOfCandidates = all.join(broadcast(candidates), new String[] {KIND, VALUE}).cache();
    try {
      Dataset<Row> shared = holdersOfCandidates.where(col(CUSTOMER).isNotNull().and(not(in(CUSTOMER, customers))))
          .select(KIND, VALUE).distinct();
      Dataset<Row> exclusive = candidates.join(shared, candidates.col(KIND).equalTo(shared.col(KIND))
          .and(candidates.col(VALUE).equalTo(shared.col(VALUE))), "left_anti");
      for (Row row : exclusive.collectAsList()) {
        set.add(IdentifierKind.of(row.getString(0)), List.of(row.getString(1)));
      }
      Dataset<Row> exclusiveHolders = holdersOfCandidates.join(broadcast(exclusive), new String[] {KIND, VALUE});
      records.addAll(collect(exclusiveHolders.where(col(CUSTOMER).isNull()), RECORD));
      events.addAll(collect(exclusiveHolders, EVENT));
    } finally {
      holdersOfCandidates.unpersist();
    }
  }

  private static Column in(String column, Set<String> values) {
    return col(column).isin(values.toArray());
  }

  /** (position, record key, event key, customer id) of every holder of a requested identifier. */
  private List<Row> hits(ErasureRequest request, Dataset<Row> all) {
    List<Row> rows = new ArrayList<>();
    for (Identifier id : request.identifiers()) {
      rows.add(RowFactory.create(id.position(), id.kind().label(), id.normalized()));
    }
    Dataset<Row> requested = spark.createDataFrame(rows, REQUEST);
    return all.join(broadcast(requested), new String[] {KIND, VALUE}).select(POSITION, RECORD, EVENT, CUSTOMER)
        .distinct().collectAsList();
  }

  /** The customers the request names or leads to; adds the requested values to {@code set}, checks the limit. */
  private Set<String> customersOf(ErasureRequest request, List<Row> hits, ErasureSet set) {
    Map<Integer, Set<String>> byPosition = new HashMap<>();
    for (Row hit : hits) {
      Set<String> found = byPosition.computeIfAbsent(hit.getInt(0), p -> new TreeSet<>());
      if (!hit.isNullAt(3)) {
        found.add(hit.getString(3));
      }
    }
    Set<String> customers = new TreeSet<>();
    for (Identifier id : request.identifiers()) {
      set.add(id.kind(), List.of(id.normalized()));
      Set<String> found = byPosition.get(id.position());
      if (found == null) {
        set.countNotFound();
        continue;
      }
      if (found.size() > maxCustomers) {
        throw new IllegalArgumentException(id + " belongs to " + found.size() + " customers; an identifier may"
            + " erase at most " + maxCustomers + " (--max-customers): it is probably shared or a placeholder");
      }
      customers.addAll(found);
    }
    return customers;
  }

  /** Ids merged into {@code customers} by earlier runs, followed back through {@code identity/id_history}. */
  private Set<String> absorbed(Set<String> customers) {
    Optional<Dataset<Row>> history = table(Tables.IDENTITY_ID_HISTORY);
    if (history.isEmpty() || customers.isEmpty()) {
      return Set.of();
    }
    Map<String, Set<String>> oldByNew = new HashMap<>();
    for (Row row : history.get().select(IdHistory.OLD_ID, IdHistory.NEW_ID).collectAsList()) {
      oldByNew.computeIfAbsent(row.getString(1), k -> new HashSet<>()).add(row.getString(0));
    }
    Set<String> out = new TreeSet<>();
    List<String> queue = new ArrayList<>(customers);
    while (!queue.isEmpty()) {
      for (String old : oldByNew.getOrDefault(queue.remove(queue.size() - 1), Set.of())) {
        if (!customers.contains(old) && out.add(old)) {
          queue.add(old);
        }
      }
    }
    return out;
  }

  /** Adds the record and event keys of the bronze rows that match {@code set} (see {@link BronzeEntries}). */
  private void fromBronze(ErasureSet set, IdentifierHasher hasher) {
    Set<String> hashes = new HashSet<>();
    set.hashes(hasher).values().forEach(hashes::addAll);
    List<String> records = new ArrayList<>();
    List<String> events = new ArrayList<>();
    try (IdentifierMatcher matcher = new IdentifierMatcher(spark, hasher, hashes)) {
      for (SourceConfig source : config.sources().values()) {
        Optional<Dataset<Row>> bronze = table(Tables.bronze(source.name()));
        if (bronze.isEmpty()) {
          continue;
        }
        Dataset<Row> rows = bronze.get();
        Optional<Column> recordKey = BronzeEntries.recordKey(source, rows.schema());
        Optional<Column> eventKey = BronzeEntries.eventKey(source, rows.schema());
        if (recordKey.isEmpty() && eventKey.isEmpty()) {
          continue;
        }
        Dataset<Row> matched = rows.where(matcher.matches(BronzeEntries.of(source, rows.schema())))
            .select(recordKey.orElse(lit(null)).cast(DataTypes.StringType).as(RECORD),
                eventKey.orElse(lit(null)).cast(DataTypes.StringType).as(EVENT));
        for (Row row : matched.collectAsList()) {
          addIfPresent(records, row, 0);
          addIfPresent(events, row, 1);
        }
      }
    }
    set.add(IdentifierKind.RECORD, records).add(IdentifierKind.EVENT, events);
  }

  /**
   * The tables resolution reads, in long form.
   *
   * @param all       (kind, value, record key, event key, customer id): every identifier of every record and event,
   *                  every record key and every customer id, with the customer it belongs to (null when none)
   * @param map       record key and customer id
   * @param eventMap  event key and customer id
   * @param events    event key and the record key it refers to
   * @param names     record key and full name (as value)
   */
  private record Holders(Dataset<Row> all, Dataset<Row> map, Dataset<Row> eventMap, Dataset<Row> events,
                         Dataset<Row> names) {
  }

  private Holders holders() {
    Dataset<Row> map = table(Tables.IDENTITY_MAP).map(t -> t.select(col(IdentityMap.RECORD_KEY).as(RECORD),
        col(IdentityMap.CUSTOMER_ID).as(CUSTOMER))).orElseGet(() -> empty(RECORD, CUSTOMER));
    Dataset<Row> eventMap = table(Tables.IDENTITY_EVENT_MAP).map(t -> t.select(col(EventMap.EVENT_KEY).as(EVENT),
        col(EventMap.CUSTOMER_ID).as(CUSTOMER))).orElseGet(() -> empty(EVENT, CUSTOMER));
    Dataset<Row> identities = table(Tables.SILVER_IDENTITIES).orElseGet(() -> empty(Identities.RECORD_KEY,
        Identities.EMAIL_KEY, Identities.PHONE_E164, Identities.LOYALTY_ID, Identities.GIVEN_NAME,
        Identities.FAMILY_NAME));
    Dataset<Row> events = table(Tables.SILVER_EVENTS).orElseGet(() -> empty(Events.EVENT_KEY, Events.RECORD_KEY,
        Events.EMAIL_KEY, Events.PHONE_E164, Events.COOKIE_ID, Events.DEVICE_ID, Events.LOYALTY_ID));
    Dataset<Row> recordValues = longForm(identities, Identities.RECORD_KEY, Map.of(Identities.EMAIL_KEY,
        IdentifierKind.EMAIL, Identities.PHONE_E164, IdentifierKind.PHONE, Identities.LOYALTY_ID, IdentifierKind.ID))
        .join(map, RECORD, "left").select(KIND, VALUE, RECORD, CUSTOMER)
        .withColumn(EVENT, lit(null).cast(DataTypes.StringType));
    Dataset<Row> eventValues = longForm(events, Events.EVENT_KEY, Map.of(Events.EMAIL_KEY, IdentifierKind.EMAIL,
        Events.PHONE_E164, IdentifierKind.PHONE, Events.COOKIE_ID, IdentifierKind.ID, Events.DEVICE_ID,
        IdentifierKind.ID, Events.LOYALTY_ID, IdentifierKind.ID))
        .withColumnRenamed(RECORD, EVENT).join(eventMap, EVENT, "left")
        .select(KIND, VALUE, EVENT, CUSTOMER).withColumn(RECORD, lit(null).cast(DataTypes.StringType));
    Dataset<Row> recordKeys = identities.select(lit(IdentifierKind.RECORD.label()).as(KIND),
        col(Identities.RECORD_KEY).as(VALUE), col(Identities.RECORD_KEY).as(RECORD)).join(map, RECORD, "left")
        .withColumn(EVENT, lit(null).cast(DataTypes.StringType));
    Dataset<Row> customerIds = map.select(lit(IdentifierKind.CUSTOMER.label()).as(KIND), col(CUSTOMER).as(VALUE),
        lit(null).cast(DataTypes.StringType).as(RECORD), lit(null).cast(DataTypes.StringType).as(EVENT),
        col(CUSTOMER)).distinct();
    Dataset<Row> all = recordValues.unionByName(eventValues).unionByName(recordKeys).unionByName(customerIds);
    Dataset<Row> names = identities.where(col(Identities.GIVEN_NAME).isNotNull()
            .and(col(Identities.FAMILY_NAME).isNotNull())).select(col(Identities.RECORD_KEY).as(RECORD),
        concat_ws(" ", col(Identities.GIVEN_NAME), col(Identities.FAMILY_NAME)).as(VALUE));
    Dataset<Row> eventRecords = events.select(col(Events.EVENT_KEY).as(EVENT), col(Events.RECORD_KEY).as(RECORD));
    return new Holders(all, map, eventMap, eventRecords, names);
  }

  /** (kind, value, key as {@code _record_key}) for each non-null value of the given columns. */
  private static Dataset<Row> longForm(Dataset<Row> table, String key, Map<String, IdentifierKind> columns) {
    Dataset<Row> out = null;
    for (Map.Entry<String, IdentifierKind> e : new TreeMap<>(columns).entrySet()) {
      Dataset<Row> part = table.where(col(e.getKey()).isNotNull()).select(lit(e.getValue().label()).as(KIND),
          col(e.getKey()).cast(DataTypes.StringType).as(VALUE), col(key).as(RECORD));
      out = out == null ? part : out.unionByName(part);
    }
    return out;
  }

  private Optional<Dataset<Row>> table(TableId id) {
    String path = lakehouse.path(id);
    return DeltaIO.exists(spark, path) ? Optional.of(DeltaIO.readVersion(spark, path,
        DeltaIO.latestVersion(spark, path))) : Optional.empty();
  }

  private Dataset<Row> empty(String... columns) {
    StructType schema = new StructType();
    for (String c : columns) {
      schema = schema.add(c, DataTypes.StringType);
    }
    return spark.createDataFrame(List.of(), schema);
  }

  private static Set<String> collect(Dataset<Row> rows, String column) {
    Set<String> out = new TreeSet<>();
    rows.select(column).distinct().collectAsList().forEach(r -> {
      if (!r.isNullAt(0)) {
        out.add(r.getString(0));
      }
    });
    return out;
  }

  private static void addIfPresent(java.util.Collection<String> out, Row row, int index) {
    if (!row.isNullAt(index)) {
      out.add(row.getString(index));
    }
  }
}
