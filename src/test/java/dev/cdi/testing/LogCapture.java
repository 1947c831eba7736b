package dev.cdi.testing;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures what the project's log configuration ({@code log4j2.properties}: the engine at INFO, Spark and the
 * rest at WARN) lets through while it is open, by attaching an appender to the root logger; close it to detach.
 */
public final class LogCapture implements AutoCloseable {

  private static final String NAME = "cdi-test-capture";
  private final StringWriter text = new StringWriter();
  private final LoggerContext context;
  private final WriterAppender appender;

  private LogCapture() {
    context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    PatternLayout layout = PatternLayout.newBuilder().withPattern("%-5p %c{1}: %m%n%ex").withConfiguration(config)
        .build();
    appender = WriterAppender.createAppender(layout, null, text, NAME, false, true);
    appender.start();
    config.getRootLogger().addAppender(appender, Level.INFO, null);
    context.updateLoggers();
  }

  /** Starts capturing. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** What was logged so far. */
  public String text() {
    return text.toString();
  }

  @Override
  public void close() {
    context.getConfiguration().getRootLogger().removeAppender(NAME);
    context.updateLoggers();
    appender.stop();
  }
}
