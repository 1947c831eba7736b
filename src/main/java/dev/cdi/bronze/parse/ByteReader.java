package dev.cdi.bronze.parse;

import java.io.IOException;
import java.io.InputStream;

/** A buffered byte-at-a-time reader over an InputStream, faster than BufferedInputStream.read() per byte. */
final class ByteReader {

  static final int EOF = -1;
  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;

  ByteReader(InputStream in) {
    this.in = in;
  }

  int read() throws IOException {
    int b = peek();
    if (b != EOF) {
      position++;
    }
    return b;
  }

  /** The next byte without consuming it, or {@link #EOF}. */
  int peek() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    return buffer[position] & 0xFF;
  }

  /** Consumes a UTF-8 byte order mark if the stream starts with one. Call before any read. */
  void skipUtf8Bom() throws IOException {
    int first = read();
    if (first == EOF) {
      return;
    }
    if (first == 0xEF && position + 1 < limit && (buffer[position] & 0xFF) == 0xBB
        && (buffer[position + 1] & 0xFF) == 0xBF) {
      position += 2;
      return;
    }
    position--;
  }
}
