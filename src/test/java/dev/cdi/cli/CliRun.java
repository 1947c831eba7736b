package dev.cdi.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the cdi command line in this JVM with its standard output and error captured, for tests of the CLI. */
final class CliRun {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs one command line; returns its exit code. */
  int execute(String... args) {
    CommandLine cmd = CdiCommand.newCommandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(args);
  }

  /** Everything the commands printed to standard output so far. */
  StringWriter out() {
    return out;
  }

  /** Everything the commands printed to standard error so far. */
  StringWriter err() {
    return err;
  }
}
