package dev.cdi.pipeline;

import dev.cdi.io.Lakehouse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Identity of one pipeline run.
 *
 * @param runId     run identifier written as lineage (given with {@code --run-id} or generated)
 * @param startedAt run start, used as the ingest timestamp
 * @param lakehouse where the tables live
 */
public record RunContext(String runId, Instant startedAt, Lakehouse lakehouse) {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]{0,127}");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  public RunContext {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("--run-id must be 1-128 letters, digits or . _ : + - (starting with a"
          + " letter or digit), got '" + runId + "'");
    }
  }

  /** A fresh run id like {@code 20261124T171500Z-3fa2c1}. */
  public static String newRunId(Instant now) {
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    return STAMP.format(now) + "-" + HexFormat.of().formatHex(random);
  }
}
