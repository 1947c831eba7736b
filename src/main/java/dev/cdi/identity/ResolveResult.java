package dev.cdi.identity;

/**
 * What one {@code resolve} run did.
 *
 * @param runId              the run
 * @param records            identity records resolved
 * @param identifierPairs    candidate pairs from shared strong identifiers
 * @param candidatePairs     all candidate pairs scored (identifier and LSH, deduplicated)
 * @param links              pairs accepted as links
 * @param conflicts          pairs declared different people by a conflict rule
 * @param excludedValues     identifier values not used for linking (blocked or hubs)
 * @param ccIterations       connected-components rounds
 * @param resplitComponents  components the guardrails re-split
 * @param customers          distinct customer ids
 * @param retiredOrSplitIds  id history rows written (merges and splits)
 * @param eventsResolved     events tied to a customer
 * @param lambda             prior match probability of a record pair (estimated matches / all record pairs)
 * @param emIterations       EM iterations of the model
 * @param seconds            elapsed time
 */
public record ResolveResult(String runId, long records, long identifierPairs, long candidatePairs, long links,
                            long conflicts, long excludedValues, int ccIterations, long resplitComponents,
                            long customers, long retiredOrSplitIds, long eventsResolved, double lambda,
                            int emIterations, double seconds) {
}
