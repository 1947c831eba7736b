package dev.cdi.identity.eval;

/**
 * How the prediction's and the truth's record keys line up. Metrics are computed on {@code evaluated} records only.
 *
 * @param predicted                distinct record keys in the prediction
 * @param truth                    distinct record keys in the truth
 * @param evaluated                keys in both
 * @param onlyTruth                keys only in the truth (for example records the engine dropped)
 * @param onlyPredicted            keys only in the prediction (for example records without a label)
 * @param predictedConflictingKeys keys the prediction puts in more than one cluster (an input error; the smallest
 *                                 customer id is used)
 * @param truthConflictingKeys     keys the truth gives more than one entity (the smallest entity id is used)
 */
public record RecordCounts(long predicted, long truth, long evaluated, long onlyTruth, long onlyPredicted,
                           long predictedConflictingKeys, long truthConflictingKeys) {

  public RecordCounts {
    if (predicted != evaluated + onlyPredicted || truth != evaluated + onlyTruth) {
      throw new IllegalArgumentException("record counts do not add up: predicted " + predicted + " = evaluated "
          + evaluated + " + only predicted " + onlyPredicted + ", truth " + truth + " = evaluated " + evaluated
          + " + only truth " + onlyTruth);
    }
    if (onlyTruth < 0 || onlyPredicted < 0 || predictedConflictingKeys < 0 || truthConflictingKeys < 0) {
      throw new IllegalArgumentException("record counts must be >= 0");
    }
  }
}
