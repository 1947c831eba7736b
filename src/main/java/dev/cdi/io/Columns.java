package dev.cdi.io;

/**
 * Column names of the engine's own tables, in one place. Bronze source tables also carry the raw fields of their
 * files under the files' own names; the engine's lineage columns all start with {@code _} so they cannot clash.
 */
public final class Columns {

  private Columns() {
  }

  /** Lineage columns on every {@code bronze/<source>} table. */
  public static final class Bronze {
    public static final String SOURCE = "_source";
    public static final String SOURCE_FILE = "_source_file";
    public static final String FILE_MODIFIED_AT = "_file_modified_at";
    public static final String FILE_FINGERPRINT = "_file_fingerprint";
    public static final String INGESTED_AT = "_ingested_at";
    public static final String INGEST_DATE = "_ingest_date";
    public static final String RUN_ID = "_run_id";
    public static final String ROW_NUMBER = "_row_number";
    public static final String ROW_HASH = "_row_hash";

    private Bronze() {
    }
  }

  /** {@code bronze/_quarantine}: rows that could not be ingested. */
  public static final class Quarantine {
    public static final String SOURCE = "source";
    public static final String SOURCE_FILE = "source_file";
    public static final String FILE_FINGERPRINT = "file_fingerprint";
    public static final String ROW_NUMBER = "row_number";
    public static final String LINE_NUMBER = "line_number";
    public static final String REASON = "reason";
    public static final String RAW_TEXT = "raw_text";
    public static final String RAW_BYTES = "raw_bytes";
    public static final String RAW_TRUNCATED = "raw_truncated";
    public static final String ROW_HASH = "row_hash";
    public static final String RUN_ID = "run_id";
    public static final String INGESTED_AT = "ingested_at";
    public static final String INGEST_DATE = "ingest_date";

    private Quarantine() {
    }
  }

  /** {@code bronze/_ingest_log}: per file and batch, what was read and where it went. */
  public static final class IngestLog {
    public static final String SOURCE = "source";
    public static final String FILE_PATH = "file_path";
    public static final String FILE_SIZE = "file_size";
    public static final String FILE_MODIFIED_AT = "file_modified_at";
    public static final String FILE_FINGERPRINT = "file_fingerprint";
    public static final String BATCH_SEQ = "batch_seq";
    public static final String STATUS = "status";
    public static final String ROWS_READ = "rows_read";
    public static final String ROWS_BRONZE = "rows_bronze";
    public static final String ROWS_QUARANTINED = "rows_quarantined";
    public static final String BLANK_LINES = "blank_lines";
    /** Rows dropped because they hold an erased person's identifiers (see {@link Suppression}). */
    public static final String ROWS_SUPPRESSED = "rows_suppressed";
    public static final String BRONZE_VERSION = "bronze_version";
    public static final String QUARANTINE_VERSION = "quarantine_version";
    public static final String RUN_ID = "run_id";
    public static final String INGESTED_AT = "ingested_at";
    public static final String LOGGED_AT = "logged_at";

    public static final String STATUS_STARTED = "started";
    public static final String STATUS_COMMITTED = "committed";

    private IngestLog() {
    }
  }

  /** {@code silver/identities}: one standardized row per identity-bearing source record. */
  public static final class Identities {
    public static final String RECORD_KEY = "record_key";
    public static final String SOURCE = "source";
    public static final String SOURCE_RECORD_ID = "source_record_id";
    public static final String GIVEN_NAME = "given_name";
    public static final String MIDDLE_NAME = "middle_name";
    public static final String FAMILY_NAME = "family_name";
    public static final String GIVEN_CANONICAL = "given_canonical";
    public static final String GIVEN_KEY = "given_key";
    public static final String FAMILY_KEY = "family_key";
    public static final String FULL_NAME_KEY = "full_name_key";
    public static final String NAME_VALIDITY = "name_validity";
    public static final String EMAIL = "email";
    public static final String EMAIL_KEY = "email_key";
    public static final String EMAIL_VALIDITY = "email_validity";
    public static final String PHONE_E164 = "phone_e164";
    public static final String PHONE_VALIDITY = "phone_validity";
    public static final String ADDRESS_LINE1 = "address_line1";
    public static final String ADDRESS_UNIT = "address_unit";
    public static final String CITY = "city";
    public static final String REGION = "region";
    public static final String POSTCODE = "postcode";
    public static final String COUNTRY = "country";
    public static final String ADDRESS_KEY = "address_key";
    public static final String ADDRESS_VALIDITY = "address_validity";
    public static final String BIRTH_DATE = "birth_date";
    public static final String BIRTH_DATE_VALIDITY = "birth_date_validity";
    public static final String LOYALTY_ID = "loyalty_id";
    /** A government or customer-number identifier (SSN, tax id), upper-case letters and digits only. */
    public static final String NATIONAL_ID = "national_id";
    public static final String EMAIL_CONSENT = "email_consent";
    public static final String UPDATED_AT = "updated_at";
    public static final String UPDATED_AT_VALIDITY = "updated_at_validity";
    public static final String RAW = "raw";

    private Identities() {
    }
  }

  /** {@code silver/events}: one standardized row per touchpoint. */
  public static final class Events {
    public static final String EVENT_KEY = "event_key";
    public static final String SOURCE = "source";
    public static final String SOURCE_EVENT_ID = "source_event_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String CHANNEL = "channel";
    public static final String EVENT_TS = "event_ts";
    public static final String EVENT_DATE = "event_date";
    public static final String EVENT_TS_VALIDITY = "event_ts_validity";
    public static final String RECORD_KEY = "record_key";
    public static final String EMAIL_KEY = "email_key";
    public static final String EMAIL_VALIDITY = "email_validity";
    public static final String PHONE_E164 = "phone_e164";
    public static final String PHONE_VALIDITY = "phone_validity";
    public static final String COOKIE_ID = "cookie_id";
    public static final String DEVICE_ID = "device_id";
    public static final String LOYALTY_ID = "loyalty_id";
    public static final String AMOUNT = "amount";
    public static final String AMOUNT_VALIDITY = "amount_validity";
    public static final String CURRENCY = "currency";
    public static final String CAMPAIGN = "campaign";
    public static final String PRODUCT = "product";
    public static final String ATTRIBUTES = "attributes";

    private Events() {
    }
  }

  /** {@code silver/_quarantine}: standardized records kept out of silver, pointing back at their bronze row. */
  public static final class SilverQuarantine {
    public static final String RUN_ID = "run_id";
    public static final String SOURCE = "source";
    public static final String TABLE = "table";
    public static final String KEY = "key";
    public static final String REASON = "reason";
    public static final String SOURCE_FILE = Bronze.SOURCE_FILE;
    public static final String ROW_NUMBER = Bronze.ROW_NUMBER;
    public static final String ROW_HASH = Bronze.ROW_HASH;
    public static final String QUARANTINED_AT = "quarantined_at";

    private SilverQuarantine() {
    }
  }

  /** {@code identity/identity_map}: one row per identity record. */
  public static final class IdentityMap {
    public static final String RECORD_KEY = Identities.RECORD_KEY;
    public static final String SOURCE = Identities.SOURCE;
    public static final String SOURCE_RECORD_ID = Identities.SOURCE_RECORD_ID;
    public static final String CUSTOMER_ID = "customer_id";
    public static final String RUN_ID = "run_id";
    public static final String CHANGED_AT = "changed_at";

    private IdentityMap() {
    }
  }

  /** {@code identity/edges}: one row per link between two identity records. */
  public static final class Edges {
    public static final String LEFT_KEY = "left_key";
    public static final String RIGHT_KEY = "right_key";
    public static final String DECISION = "decision";
    public static final String RULE = "rule";
    public static final String IDENTIFIERS = "identifiers";
    public static final String MATCH_PROBABILITY = "match_probability";
    public static final String MATCH_WEIGHT = "match_weight";
    public static final String LEVELS = "levels";
    public static final String WEIGHTS = "weights";
    public static final String KEPT = "kept";
    public static final String RUN_ID = "run_id";

    private Edges() {
    }
  }

  /** {@code identity/id_history}: customer ids retired or split off. */
  public static final class IdHistory {
    public static final String OLD_ID = "old_id";
    public static final String NEW_ID = "new_id";
    public static final String REASON = "reason";
    public static final String RECORDS = "records";
    public static final String RUN_ID = "run_id";
    public static final String CHANGED_AT = "changed_at";

    private IdHistory() {
    }
  }

  /** {@code identity/event_map}: one row per event tied to a customer. */
  public static final class EventMap {
    public static final String EVENT_KEY = Events.EVENT_KEY;
    public static final String CUSTOMER_ID = IdentityMap.CUSTOMER_ID;
    public static final String RESOLVED_BY = "resolved_by";
    public static final String RUN_ID = "run_id";

    private EventMap() {
    }
  }

  /** {@code identity/_hubs}: identifier values kept from linking. */
  public static final class Hubs {
    public static final String IDENTIFIER = "identifier";
    public static final String VALUE = "value";
    public static final String RECORDS = "records";
    public static final String DISTINCT_NAMES = "distinct_names";
    public static final String REASON = "reason";
    public static final String RUN_ID = "run_id";

    private Hubs() {
    }
  }

  /** {@code gold/customer_360}: one golden record per customer id, with identifiers and traits. */
  public static final class Customer360 {
    public static final String CUSTOMER_ID = IdentityMap.CUSTOMER_ID;
    public static final String GIVEN_NAME = Identities.GIVEN_NAME;
    public static final String MIDDLE_NAME = Identities.MIDDLE_NAME;
    public static final String FAMILY_NAME = Identities.FAMILY_NAME;
    public static final String EMAIL = Identities.EMAIL;
    public static final String PHONE = "phone";
    public static final String ADDRESS_LINE1 = Identities.ADDRESS_LINE1;
    public static final String ADDRESS_UNIT = Identities.ADDRESS_UNIT;
    public static final String CITY = Identities.CITY;
    public static final String REGION = Identities.REGION;
    public static final String POSTCODE = Identities.POSTCODE;
    public static final String COUNTRY = Identities.COUNTRY;
    public static final String BIRTH_DATE = Identities.BIRTH_DATE;
    public static final String EMAIL_CONSENT = Identities.EMAIL_CONSENT;
    /** Map of golden attribute name to the struct (source, record_key, rule) its value came from. */
    public static final String PROVENANCE = "provenance";
    public static final String PROVENANCE_SOURCE = "source";
    public static final String PROVENANCE_RECORD_KEY = "record_key";
    public static final String PROVENANCE_RULE = "rule";
    public static final String EMAILS = "emails";
    public static final String PHONES = "phones";
    public static final String LOYALTY_IDS = "loyalty_ids";
    public static final String DEVICE_IDS = "device_ids";
    public static final String COOKIE_IDS = "cookie_ids";
    public static final String SOURCE_RECORDS = "source_records";
    public static final String SOURCES = "sources";
    public static final String PREVIOUS_CUSTOMER_IDS = "previous_customer_ids";
    public static final String FIRST_SEEN_AT = "first_seen_at";
    public static final String LAST_SEEN_AT = "last_seen_at";
    public static final String TOUCHPOINTS = "touchpoints";
    public static final String ORDERS = "orders";
    public static final String REVENUE = "revenue";
    public static final String AVERAGE_ORDER_VALUE = "average_order_value";
    public static final String FIRST_PURCHASE_AT = "first_purchase_at";
    public static final String LAST_PURCHASE_AT = "last_purchase_at";
    public static final String DAYS_SINCE_LAST_PURCHASE = "days_since_last_purchase";
    public static final String RECENCY_SCORE = "recency_score";
    public static final String FREQUENCY_SCORE = "frequency_score";
    public static final String MONETARY_SCORE = "monetary_score";
    public static final String RFM_SEGMENT = "rfm_segment";
    public static final String PREFERRED_CHANNEL = "preferred_channel";
    public static final String CHANNEL_MIX = "channel_mix";
    public static final String EMAILS_SENT = "emails_sent";
    public static final String EMAILS_OPENED = "emails_opened";
    public static final String EMAILS_CLICKED = "emails_clicked";
    public static final String EMAIL_OPEN_RATE = "email_open_rate";
    public static final String EMAIL_CLICK_RATE = "email_click_rate";
    public static final String EMAIL_UNSUBSCRIBED = "email_unsubscribed";
    public static final String SUPPORT_TICKETS = "support_tickets";
    public static final String OPEN_SUPPORT_TICKETS = "open_support_tickets";
    public static final String LAST_SUPPORT_CONTACT_AT = "last_support_contact_at";
    public static final String HOUSEHOLD_ID = "household_id";
    public static final String AS_OF_DATE = "as_of_date";
    public static final String ROW_HASH = "row_hash";
    public static final String RUN_ID = "run_id";

    private Customer360() {
    }
  }

  /** {@code gold/journey} and {@code gold/anonymous_journey}: one row per timed touchpoint. */
  public static final class Journey {
    public static final String EVENT_KEY = Events.EVENT_KEY;
    public static final String CUSTOMER_ID = IdentityMap.CUSTOMER_ID;
    /** Anonymous journeys only: the identifier the touchpoints are keyed by (a cookie, device, email key ...). */
    public static final String ANONYMOUS_ID = "anonymous_id";
    /** Anonymous journeys only: which identifier {@link #ANONYMOUS_ID} is (cookie, device, email, phone, loyalty). */
    public static final String ANONYMOUS_ID_TYPE = "anonymous_id_type";
    public static final String EVENT_TS = Events.EVENT_TS;
    public static final String EVENT_DATE = Events.EVENT_DATE;
    public static final String SOURCE = Events.SOURCE;
    public static final String CHANNEL = Events.CHANNEL;
    public static final String EVENT_TYPE = Events.EVENT_TYPE;
    public static final String AMOUNT = Events.AMOUNT;
    public static final String CURRENCY = Events.CURRENCY;
    public static final String CAMPAIGN = Events.CAMPAIGN;
    public static final String PRODUCT = Events.PRODUCT;
    public static final String TOUCH_NUMBER = "touch_number";
    public static final String SECONDS_SINCE_PREVIOUS_TOUCH = "seconds_since_previous_touch";
    public static final String SESSION_ID = "session_id";
    public static final String SESSION_NUMBER = "session_number";
    public static final String JOURNEY_STAGE = "journey_stage";
    public static final String IS_CONVERSION = "is_conversion";
    public static final String RESOLVED_BY = EventMap.RESOLVED_BY;
    public static final String ROW_HASH = "row_hash";
    public static final String RUN_ID = "run_id";

    private Journey() {
    }
  }

  /** {@code gold/attribution}: one row per conversion and credited touchpoint, with each model's credit. */
  public static final class Attribution {
    public static final String ATTRIBUTION_KEY = "attribution_key";
    public static final String CONVERSION_EVENT_KEY = "conversion_event_key";
    public static final String CUSTOMER_ID = IdentityMap.CUSTOMER_ID;
    public static final String CONVERSION_TS = "conversion_ts";
    public static final String CONVERSION_DATE = "conversion_date";
    public static final String CONVERSION_TYPE = "conversion_type";
    public static final String CONVERSION_CHANNEL = "conversion_channel";
    public static final String CONVERSION_AMOUNT = "conversion_amount";
    public static final String CURRENCY = Events.CURRENCY;
    public static final String TOUCH_EVENT_KEY = "touch_event_key";
    public static final String TOUCH_TS = "touch_ts";
    public static final String TOUCH_CHANNEL = "touch_channel";
    public static final String TOUCH_EVENT_TYPE = "touch_event_type";
    public static final String TOUCH_CAMPAIGN = "touch_campaign";
    public static final String TOUCH_POSITION = "touch_position";
    public static final String TOUCHES_IN_PATH = "touches_in_path";
    public static final String DAYS_BEFORE_CONVERSION = "days_before_conversion";
    public static final String CREDIT_FIRST_TOUCH = "credit_first_touch";
    public static final String CREDIT_LAST_TOUCH = "credit_last_touch";
    public static final String CREDIT_LINEAR = "credit_linear";
    public static final String CREDIT_TIME_DECAY = "credit_time_decay";
    public static final String CREDIT_POSITION_BASED = "credit_position_based";
    /** The {@link #TOUCH_CHANNEL} of a conversion that no touchpoint preceded inside the lookback window. */
    public static final String DIRECT = "direct";
    public static final String ROW_HASH = "row_hash";
    public static final String RUN_ID = "run_id";

    private Attribution() {
    }
  }

  /** {@code gold/households}: one row per household; its people stay separate customers. */
  public static final class Households {
    public static final String HOUSEHOLD_ID = Customer360.HOUSEHOLD_ID;
    public static final String CUSTOMER_IDS = "customer_ids";
    public static final String MEMBERS = "members";
    public static final String FAMILY_NAMES = "family_names";
    public static final String EVIDENCE = "evidence";
    public static final String ROW_HASH = "row_hash";
    public static final String RUN_ID = "run_id";

    private Households() {
    }
  }

  /** {@code _privacy/suppression}: salted hashes of what erasure removed; ingestion drops rows that match. */
  public static final class Suppression {
    public static final String HASH = "hash";
    public static final String KIND = "kind";
    public static final String REQUEST_ID = "request_id";
    /** Fingerprint of the salt the hash was made with ({@code PrivacySalt.check()}). */
    public static final String SALT_CHECK = "salt_check";
    public static final String ADDED_AT = "added_at";

    private Suppression() {
    }
  }

  /** {@code _privacy/erasure_audit}: one row per finished erasure request, without personal data. */
  public static final class ErasureAudit {
    public static final String REQUEST_ID = "request_id";
    public static final String REQUESTED_AT = "requested_at";
    public static final String FINISHED_AT = "finished_at";
    /** Salted hashes of the identifiers the request named. */
    public static final String IDENTIFIER_HASHES = "identifier_hashes";
    public static final String IDENTIFIERS_NOT_FOUND = "identifiers_not_found";
    public static final String CUSTOMERS = "customers";
    public static final String RECORDS = "records";
    public static final String EVENTS = "events";
    /** Rows deleted per table ({@code layer.table}). */
    public static final String ROWS_DELETED = "rows_deleted";
    public static final String REPORTS_REDACTED = "reports_redacted";
    public static final String FILES_PURGED = "files_purged";
    public static final String RETAIN_HOURS = "retain_hours";
    /** Earlier unfinished requests this run completed. */
    public static final String RESUMED_REQUESTS = "resumed_requests";

    private ErasureAudit() {
    }
  }
}
