package dev.cdi.cli;

import dev.cdi.config.ConfigException;
import dev.cdi.pipeline.LakehouseLockedException;
import dev.cdi.quality.DataQualityException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The {@code cdi} command line. Exit codes: 0 success, 1 the command failed (one line on stderr says why),
 * 2 the command line itself was wrong.
 */
@Command(name = "cdi", mixinStandardHelpOptions = true, version = "cdi 0.1.0",
    description = "Customer data integration on Apache Spark and Delta Lake.",
    subcommands = {GenerateCommand.class, IngestCommand.class, StandardizeCommand.class, ResolveCommand.class, BuildGoldCommand.class,
        EvaluateCommand.class,
        IdStabilityCommand.class, RunCommand.class, CompareGoldCommand.class,
        EraseCommand.class})
public final class CdiCommand implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(CdiCommand.class);

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (for tests and {@link #main}). */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    return new CommandLine(new CdiCommand()).setExecutionExceptionHandler(CdiCommand::onFailure);
  }

  private static int onFailure(Exception e, CommandLine cmd, ParseResult parsed) {
    boolean userError = e instanceof ConfigException || e instanceof IllegalArgumentException
        || e instanceof DataQualityException || e instanceof LakehouseLockedException;
    if (!userError) {
      LOG.error("{} failed", cmd.getCommandName(), e);
    }
    PrintWriter err = cmd.getErr();
    err.println("cdi " + cmd.getCommandName() + ": error: " + oneLine(e));
    err.flush();
    return 1;
  }

  private static String oneLine(Throwable e) {
    Throwable root = e;
    String message = e.getMessage();
    while ((message == null || message.isBlank()) && root.getCause() != null) {
      root = root.getCause();
      message = root.getMessage();
    }
    String text = message == null ? root.getClass().getSimpleName() : message;
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
