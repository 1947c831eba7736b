package dev.cdi.generator;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The work of one Spark task: generates the persons of one partition's household blocks and streams their records
 * to the partition's files, one person at a time (memory stays bounded by the write buffers). The bytes written
 * depend only on the plan and the partition number.
 */
final class PartitionGenerator {

  private final GenerationPlan plan;
  private final World world;
  private final HouseholdPlanner households;
  private final PersonFactory persons;

  PartitionGenerator(GenerationPlan plan, ReferenceData ref) {
    this.plan = plan;
    this.world = new World(plan.seed(), ref);
    this.households = new HouseholdPlanner(plan.seed(), plan.customers(), ref);
    this.persons = new PersonFactory(plan.seed(), ref);
  }

  /** Generates partition {@code partition} under the plan's output folder; returns the statistics of its files. */
  static List<FileStats> generate(GenerationPlan plan, int partition, Configuration conf) throws IOException {
    Path root = new Path(plan.out());
    FileSystem fs = OutputFolder.writerFileSystem(root, conf);
    return new PartitionGenerator(plan, ReferenceData.get()).generate(fs, root, partition);
  }

  List<FileStats> generate(FileSystem fs, Path root, int partition) throws IOException {
    try (PartitionOutputs outputs = new PartitionOutputs(fs, root, partition, plan.badRowRate())) {
      List<SourceWriter> writers = Writers.create(outputs, world);
      for (long block = plan.firstBlock(partition); block < plan.endBlock(partition); block++) {
        for (Household household : households.plan(block)) {
          emitHousehold(household, outputs.truth(), writers);
        }
      }
      return outputs.finish();
    }
  }

  private void emitHousehold(Household household, TruthWriter truth, List<SourceWriter> writers) {
    for (Household.Member member : household.members()) {
      Person person = persons.create(household, member);
      truth.person(person);
      PersonContext ctx = PersonContext.of(plan.seed(), person);
      for (SourceWriter writer : writers) {
        writer.emit(ctx);
      }
    }
  }
}
