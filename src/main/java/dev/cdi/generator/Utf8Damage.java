package dev.cdi.generator;

import java.util.SplittableRandom;

/**
 * Plants raw invalid UTF-8 bytes in an encoded line. A text value first receives {@link #MARKER} (U+FFFF, a
 * noncharacter the generator never emits otherwise); after the line is encoded the marker's three bytes are replaced
 * by one of {@link #SEQUENCES}, each invalid whatever bytes surround it.
 */
final class Utf8Damage {

  static final char MARKER = '\uFFFF';
  static final byte[][] SEQUENCES = {
      {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82, (byte) 0x28}};
  private static final byte[] MARKER_BYTES = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF};

  private Utf8Damage() {
  }

  /** The value with the marker inserted at a random position. */
  static String mark(SplittableRandom r, String value) {
    String text = value == null ? "" : value;
    int at = r.nextInt(text.length() + 1);
    return text.substring(0, at) + MARKER + text.substring(at);
  }

  /** The encoded line with its first marker replaced by a random invalid sequence. */
  static byte[] replaceMarker(SplittableRandom r, byte[] line) {
    int at = indexOfMarker(line);
    if (at < 0) {
      throw new IllegalStateException("no UTF-8 damage marker in line");
    }
    byte[] sequence = SEQUENCES[r.nextInt(SEQUENCES.length)];
    byte[] out = new byte[line.length - MARKER_BYTES.length + sequence.length];
    System.arraycopy(line, 0, out, 0, at);
    System.arraycopy(sequence, 0, out, at, sequence.length);
    System.arraycopy(line, at + MARKER_BYTES.length, out, at + sequence.length, line.length - at - MARKER_BYTES.length);
    return out;
  }

  private static int indexOfMarker(byte[] line) {
    for (int i = 0; i + 2 < line.length; i++) {
      if (line[i] == MARKER_BYTES[0] && line[i + 1] == MARKER_BYTES[1] && line[i + 2] == MARKER_BYTES[2]) {
        return i;
      }
    }
    return -1;
  }
}
