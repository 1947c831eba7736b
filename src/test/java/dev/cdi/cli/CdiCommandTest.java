package dev.cdi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cdi.privacy.PrivacySalt;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdiCommandTest {

  private final CliRun cli = new CliRun();
  private final StringWriter out = cli.out();
  private final StringWriter err = cli.err();

  private int run(String... args) {
    return cli.execute(args);
  }

  @Test
  void everySubcommandHasHelp() {
    for (String sub : new String[] {"generate", "ingest", "build-gold", "run", "erase"}) {
      assertEquals(0, run(sub, "--help"));
    }
    String help = out.toString();
    assertTrue(help.contains("Usage: cdi generate"), help);
    assertTrue(help.contains("--lakehouse=PATH"), help);
    assertTrue(help.contains("--run-id=ID"), help);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run("ingest", "--no-such-option"));
    assertTrue(err.toString().startsWith("Unknown option: '--no-such-option'"), err.toString());
    assertEquals(2, run());
  }

  @Test
  void failuresExitWithOneAndOneLine(@TempDir Path dir) throws Exception {
    assertEquals(1, run("ingest", "--conf", dir.resolve("missing.yaml").toString()));
    assertEquals("cdi ingest: error: configuration file not found: " + dir.resolve("missing.yaml")
        + " (pass --conf FILE)" + System.lineSeparator(), err.toString());

    err.getBuffer().setLength(0);
    Path conf = Files.writeString(dir.resolve("p.yaml"), "lakehouse: l\nsources: {a: {format: xml, path: x}}\n");
    assertEquals(1, run("run", "--conf", conf.toString()));
    assertEquals("cdi run: error: sources.a.format must be one of csv, jsonl, parquet, got 'xml' (" + conf + ")"
        + System.lineSeparator(), err.toString());

    err.getBuffer().setLength(0);
    assertEquals(1, run("ingest", "--conf", "conf/pipeline.yaml", "--run-id", "bad id!"));
    assertTrue(err.toString().startsWith("cdi ingest: error: --run-id must be 1-128 letters"), err.toString());

    err.getBuffer().setLength(0);
    assertEquals(1, run("generate", "--customers", "0", "--out", dir.resolve("g").toString()));
    assertEquals("cdi generate: error: --customers must be >= 1, got 0" + System.lineSeparator(), err.toString());
  }

  @Test
  void eraseChecksItsRequestAndSaltBeforeSparkStartsAndNeverEchoesAValue() {
    assertEquals(1, run("erase", "--conf", "conf/pipeline.yaml"));
    assertEquals("cdi erase: error: give --identifier, --customer-id or --file (or --resume)"
        + System.lineSeparator(), err.toString());

    err.getBuffer().setLength(0);
    assertEquals(1, run("erase", "--identifier", "a@x.com", "--identifier", "email:amy.ruiz.at.example"));
    assertEquals("cdi erase: error: request item 2 is not a valid email" + System.lineSeparator(), err.toString());

    assumeTrue(System.getenv(PrivacySalt.ENV) == null, "the environment sets a salt");
    err.getBuffer().setLength(0);
    assertEquals(1, run("erase", "--identifier", "amy.ruiz@example.com"));
    assertTrue(err.toString().startsWith("cdi erase: error: erase needs the secret salt in the environment variable"
        + " CDI_PRIVACY_SALT"), err.toString());
    assertTrue(!err.toString().contains("amy"), err.toString());
  }
}
