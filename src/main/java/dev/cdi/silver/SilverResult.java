package dev.cdi.silver;

import java.util.List;

/**
 * What a standardize run did.
 *
 * @param runId   the run
 * @param sources one result per mapped source
 * @param seconds elapsed time
 */
public record SilverResult(String runId, List<SourceSilverResult> sources, double seconds) {

  public SilverResult {
    sources = List.copyOf(sources);
  }
}
