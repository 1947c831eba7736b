package dev.cdi.identity.eval;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Number and list formatting shared by the Markdown and HTML reports (Locale.ROOT, so output never varies). */
final class ReportFormat {

  static final String CONVENTIONS = "Metrics cover the records present in both the prediction and the truth."
      + " A ratio with an empty denominator is 1.0 (no predicted pairs: precision 1.0; no true pairs: recall 1.0);"
      + " F1 is 0.0 when precision and recall are both 0; the adjusted Rand index is 1.0 when both clusterings"
      + " put the same pairs together trivially (all singletons or one cluster).";
  static final Section LARGEST = new Section("Largest clusters", "Customer id", "Keys", "Record keys",
      PartStyle.IDS_ONLY);
  static final Section MIXED = new Section("Clusters mixing the most entities", "Customer id", "Entities",
      "Largest entities (records)", PartStyle.WITH_RECORDS);
  static final Section SPLIT = new Section("Entities split across the most clusters", "Entity id", "Clusters",
      "Largest clusters (records)", PartStyle.WITH_RECORDS);

  /** A row of a two-column table: label and formatted value. */
  record Line(String label, String value) {
  }

  /** Whether a part list shows each part's record count. */
  enum PartStyle {
    IDS_ONLY,
    WITH_RECORDS
  }

  /** A listed-groups section: heading, column headers and how parts are shown. */
  record Section(String title, String idHeader, String partsHeader, String shownHeader, PartStyle style) {
  }

  private ReportFormat() {
  }

  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** "a (3), b (2), … (+5 more)": the shown parts, each escaped, with their record counts if the style says so. */
  static String parts(GroupSummary g, PartStyle style, UnaryOperator<String> escape) {
    StringBuilder out = new StringBuilder();
    for (GroupSummary.Part p : g.shown()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(escape.apply(p.id()));
      if (style == PartStyle.WITH_RECORDS) {
        out.append(" (").append(count(p.records())).append(')');
      }
    }
    long hidden = g.parts() - g.shown().size();
    if (hidden > 0) {
      out.append(", \u2026 (+").append(count(hidden)).append(" more)");
    }
    return out.toString();
  }

  static List<Line> recordLines(RecordCounts n) {
    return List.of(new Line("In the prediction", count(n.predicted())), new Line("In the truth", count(n.truth())),
        new Line("Evaluated (in both)", count(n.evaluated())), new Line("Only in the truth", count(n.onlyTruth())),
        new Line("Only in the prediction", count(n.onlyPredicted())),
        new Line("Keys in more than one predicted cluster", count(n.predictedConflictingKeys())),
        new Line("Keys with more than one true entity", count(n.truthConflictingKeys())));
  }

  static List<Line> pairLines(PairCounts p) {
    return List.of(new Line("Pairs together in both (true positives)", count(p.truePositivePairs())),
        new Line("Pairs together in the prediction", count(p.predictedPairs())),
        new Line("Pairs together in the truth", count(p.truePairs())),
        new Line("Predicted clusters (evaluated records)", count(p.clusters())),
        new Line("True entities (evaluated records)", count(p.entities())));
  }

  static List<Line> blockingLines(BlockingMetrics b) {
    return List.of(new Line("Distinct candidate pairs", count(b.candidatePairs())),
        new Line("Candidate pairs among evaluated records", count(b.candidatePairsEvaluated())),
        new Line("True-match candidate pairs", count(b.trueMatchPairs())),
        new Line("Pair completeness", ratio(b.pairCompleteness())),
        new Line("Reduction ratio", ratio(b.reductionRatio())),
        new Line("Pairs quality", ratio(b.pairsQuality())));
  }
}
