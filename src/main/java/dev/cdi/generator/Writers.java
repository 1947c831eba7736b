package dev.cdi.generator;

import java.util.List;

/** Builds the source writers of a partition, in the fixed order in which they emit each person. */
final class Writers {

  private Writers() {
  }

  static List<SourceWriter> create(PartitionOutputs out, World world) {
    ReferenceData ref = world.ref();
    TruthWriter truth = out.truth();
    return List.of(
        new CrmContactsWriter(out.csv(CrmContactsWriter.SPEC), truth, ref),
        new EcomWriter(out.json(EcomWriter.ACCOUNTS), out.json(EcomWriter.ORDERS), truth, ref),
        new WebEventsWriter(out.json(WebEventsWriter.SPEC), truth),
        new EmailWriter(out.csv(EmailWriter.SUBSCRIBERS), out.csv(EmailWriter.EVENTS), truth, ref),
        new SupportTicketsWriter(out.json(SupportTicketsWriter.SPEC), truth, ref),
        new PosWriter(out.csv(PosWriter.LOYALTY), out.csv(PosWriter.TRANSACTIONS), truth, world),
        new AppEventsWriter(out.json(AppEventsWriter.SPEC), truth, ref));
  }
}
