package dev.cdi.cli;

import dev.cdi.privacy.ErasureJob;
import dev.cdi.privacy.ErasureRequest;
import dev.cdi.privacy.ErasureResult;
import dev.cdi.privacy.ErasureSettings;
import dev.cdi.privacy.PrivacySalt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cdi erase}: removes a person from every layer, purges the old files and history, and audits it. */
@Command(name = "erase", mixinStandardHelpOptions = true,
    description = {"Erase people (right to erasure): every row of their customers, records, events and"
        + " identifiers in bronze, quarantine, silver, identity and gold, and their identifiers in reports; then"
        + " purge old files and Delta history so time travel cannot bring them back. Identifiers are remembered as"
        + " salted hashes in _privacy/suppression, so ingestion drops them if they arrive again; each request is"
        + " audited in _privacy/erasure_audit.",
        "Needs the secret salt in the environment variable " + PrivacySalt.ENV + " (at least 16 characters; the"
            + " same for the lakehouse's whole life)."})
final class EraseCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  CommonOptions common;

  @Option(names = "--identifier", paramLabel = "VALUE", description = "An email, phone number, customer id,"
      + " cookie/device/loyalty id, or a prefixed value (email:, phone:, customer:, id:, record:<source>:<id>)."
      + " Repeatable.")
  List<String> identifiers = new ArrayList<>();

  @Option(names = "--customer-id", paramLabel = "ID", description = "A customer id. Repeatable.")
  List<String> customers = new ArrayList<>();

  @Option(names = "--file", paramLabel = "FILE", description = "A file of identifiers, one per line (blank lines"
      + " and lines starting with # are skipped).")
  Path file;

  @Option(names = "--phone-region", paramLabel = "CC", defaultValue = "US", description = "Region of phone"
      + " numbers given without a country code (default: ${DEFAULT-VALUE}).")
  String phoneRegion;

  @Option(names = "--max-customers", paramLabel = "N", defaultValue = "1", description = "Refuse an identifier"
      + " that leads to more customers than this: it is shared or a placeholder (default: ${DEFAULT-VALUE}).")
  int maxCustomers;

  @Option(names = "--retain-hours", paramLabel = "H", defaultValue = "0", description = "Keep files removed less"
      + " than H hours ago (for readers still running); the erased data stays on storage that long (default:"
      + " ${DEFAULT-VALUE}).")
  int retainHours;

  @Option(names = "--preview", description = "Resolve the request and count the rows it would delete; write"
      + " nothing (--dry-run only checks the command line and configuration, without Spark).")
  boolean preview;

  @Option(names = "--resume", description = "Complete an unfinished earlier erasure; no new identifiers needed.")
  boolean resume;

  @Override
  public Integer call() {
    ErasureRequest request = ErasureRequest.parse(values(), phoneRegion.strip().toUpperCase(Locale.ROOT));
    if (request.isEmpty() && !resume) {
      throw new IllegalArgumentException("give --identifier, --customer-id or --file (or --resume)");
    }
    PrivacySalt salt = PrivacySalt.fromEnvironment(System.getenv()).orElseThrow(() -> new IllegalArgumentException(
        "erase needs the secret salt in the environment variable " + PrivacySalt.ENV + " (at least 16 characters,"
            + " the same for the lakehouse's whole life)"));
    ErasureSettings settings = ErasureSettings.DEFAULTS.withMaxCustomers(maxCustomers).withRetainHours(retainHours);
    if (common.dryRun(spec)) {
      return 0;
    }
    try (CommonOptions.Session session = common.openForWriting("erase")) {
      ErasureResult result = new ErasureJob(session.spark(), session.config(), session.run(), salt,
          preview ? settings.asDryRun() : settings).run(request);
      Summaries.printErase(spec.commandLine().getOut(), result);
      return 0;
    }
  }

  private List<String> values() {
    List<String> out = new ArrayList<>(identifiers);
    customers.forEach(c -> out.add("customer:" + c));
    if (file != null) {
      out.addAll(ErasureRequest.readFile(file));
    }
    return out;
  }
}
