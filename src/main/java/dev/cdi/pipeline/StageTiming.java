package dev.cdi.pipeline;

/**
 * How long one stage of a run took, measured around the stage by {@link PipelineRunner}.
 *
 * @param stage   the stage's command name: ingest, standardize, resolve, build-gold
 * @param seconds elapsed wall-clock time
 */
public record StageTiming(String stage, double seconds) {

  public StageTiming {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("stage " + stage + " took a negative or undefined time: " + seconds);
    }
  }
}
