package dev.cdi.generator;

import java.util.Map;

/**
 * Summary of a generator run.
 *
 * @param rowsPerSource  data records written per source table (malformed ones included), in source order
 * @param malformedRows  records with a bronze defect, over all data files
 * @param persons        simulated persons
 * @param files          files written: data files plus truth files
 * @param bytesWritten   bytes written over all files
 * @param seconds        elapsed time of the run
 */
public record GeneratorResult(Map<String, Long> rowsPerSource, long malformedRows, long persons, int files,
                              long bytesWritten, double seconds) {
}
