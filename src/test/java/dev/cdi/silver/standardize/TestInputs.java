package dev.cdi.silver.standardize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** Shared hostile inputs and a Java serialization round trip, as Spark does when it ships a UDF. */
final class TestInputs {

  /** 100,000 characters of letters. */
  static final String HUGE = "ab".repeat(50_000);
  /** 100,000 digits. */
  static final String HUGE_DIGITS = "4".repeat(100_000);

  private TestInputs() {
  }

  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
