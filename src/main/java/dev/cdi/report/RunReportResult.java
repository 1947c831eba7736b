package dev.cdi.report;

/**
 * What writing the run report did.
 *
 * @param runId   the run
 * @param path    the report, {@code <lakehouse>/_reports/<run id>.html}
 * @param latest  the copy of it at {@code <lakehouse>/_reports/latest.html}
 * @param charts  inline SVG charts in the report
 * @param seconds elapsed time (figures and writing)
 */
public record RunReportResult(String runId, String path, String latest, int charts, double seconds) {
}
