package dev.cdi.generator;

import java.util.List;

/** The ten simulated source tables, in output order. Their contracts live in their writers. */
final class Sources {

  static final List<SourceSpec> ALL = List.of(CrmContactsWriter.SPEC, EcomWriter.ACCOUNTS, EcomWriter.ORDERS,
      WebEventsWriter.SPEC, EmailWriter.SUBSCRIBERS, EmailWriter.EVENTS, SupportTicketsWriter.SPEC,
      PosWriter.LOYALTY, PosWriter.TRANSACTIONS, AppEventsWriter.SPEC);

  private Sources() {
  }
}
