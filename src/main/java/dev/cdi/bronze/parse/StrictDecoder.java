package dev.cdi.bronze.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/** Decodes bytes with a charset, refusing malformed input instead of replacing it, and says where it broke. */
public final class StrictDecoder {

  private final Charset charset;
  private final CharsetDecoder decoder;

  /**
   * The outcome of a decode: the text, or the byte offset of the first undecodable byte.
   *
   * @param text      decoded text, or {@code null} on failure
   * @param badOffset 0-based offset of the first bad byte, or -1
   */
  public record Result(String text, int badOffset) {
    public boolean ok() {
      return text != null;
    }
  }

  public StrictDecoder(Charset charset) {
    this.charset = charset;
    this.decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  public Result decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
    decoder.reset();
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return new Result(null, in.position());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      return new Result(null, in.position());
    }
    out.flip();
    return new Result(out.toString(), -1);
  }

  /** Lenient decoding (replacement characters) for showing bad bytes in the quarantine. */
  public String decodeLossy(byte[] bytes, int length) {
    return new String(bytes, 0, length, charset);
  }

  public String charsetName() {
    return charset.name();
  }
}
