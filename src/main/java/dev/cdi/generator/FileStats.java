package dev.cdi.generator;

import java.io.Serializable;

/**
 * What was written to one file; sent from the tasks to the driver.
 *
 * @param source           table name (for truth files, e.g. {@code _truth/identities})
 * @param file             path relative to the output folder
 * @param rows             records written, header excluded
 * @param malformedRows    records with a bronze defect
 * @param badTimestampRows records with an unparsable timestamp
 * @param bytes            file size
 * @param dataFile         true for source data files, false for truth files
 */
record FileStats(String source, String file, long rows, long malformedRows, long badTimestampRows, long bytes,
                 boolean dataFile) implements Serializable {
}
