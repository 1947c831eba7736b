package dev.cdi.silver;

/**
 * What standardizing one source did.
 *
 * @param source            source name
 * @param fromBronzeVersion bronze version already in silver before this run (-1: none)
 * @param toBronzeVersion   bronze version silver contains after this run
 * @param identityRowsIn    identity-bearing bronze rows read (after the mapping's filter)
 * @param identityRecords   distinct identity records upserted
 * @param eventRowsIn       event bronze rows read (after the mapping's filter)
 * @param events            distinct events upserted
 * @param quarantined       rows sent to {@code silver/_quarantine} (identity and event rows)
 * @param seconds           elapsed time
 */
public record SourceSilverResult(String source, long fromBronzeVersion, long toBronzeVersion, long identityRowsIn,
                                 long identityRecords, long eventRowsIn, long events, long quarantined,
                                 double seconds) {

  public boolean upToDate() {
    return fromBronzeVersion == toBronzeVersion;
  }
}
