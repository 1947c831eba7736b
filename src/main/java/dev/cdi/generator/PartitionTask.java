package dev.cdi.generator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The Spark task function: each input element is a partition number to generate; returns the written files'
 * statistics (a few dozen small records per partition) for the driver to collect.
 */
final class PartitionTask implements FlatMapFunction<Iterator<Integer>, FileStats> {

  private static final long serialVersionUID = 1L;

  private final GenerationPlan plan;
  private final SerializableConfiguration hadoopConf;

  PartitionTask(GenerationPlan plan, SerializableConfiguration hadoopConf) {
    this.plan = plan;
    this.hadoopConf = hadoopConf;
  }

  @Override
  public Iterator<FileStats> call(Iterator<Integer> partitions) throws Exception {
    List<FileStats> stats = new ArrayList<>();
    while (partitions.hasNext()) {
      stats.addAll(PartitionGenerator.generate(plan, partitions.next(), hadoopConf.value()));
    }
    return stats.iterator();
  }
}
