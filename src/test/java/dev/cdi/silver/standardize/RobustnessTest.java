package dev.cdi.silver.standardize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Random text of every kind (letters with accents, CJK, emoji, lone surrogates, controls, odd spaces, digits and
 * the punctuation the parsers look for) never makes a standardizer throw, results are consistent with their
 * validity, valid outputs are fixed points, and concurrent use gives the same results as sequential use.
 */
class RobustnessTest {

  private static final int SAMPLES = 3_000;
  private static final String[] POOLS = {
      "abcxyzABCXYZ", "0123456789", "@.+-_#/,'()<>:;\"", " \t\n\r\u00A0\u2003\u200B\uFEFF",
      "éüßøłÆŒÑçİı", "李小龍東京", "\uD83D\uDE00\uD83D\uDCDE", "\uD800\uDFFF", "\u0000\u0007\u001B\u007F"};

  private final NameStandardizer names = new NameStandardizer();
  private final AddressStandardizer addresses = new AddressStandardizer();
  private final PhoneStandardizer phones = new PhoneStandardizer("US");
  private final TimestampParser times =
      new TimestampParser(List.of("iso", "MM/dd/yyyy hh:mm a", "yyyyMMdd", "epoch_millis"), "America/New_York");

  private static List<String> samples(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return IntStream.range(0, SAMPLES).mapToObj(i -> sample(random)).collect(Collectors.toList());
  }

  private static String sample(SplittableRandom random) {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      String pool = POOLS[random.nextInt(POOLS.length)];
      out.append(pool.charAt(random.nextInt(pool.length())));
    }
    return out.toString();
  }

  @Test
  void emailsNeverThrowAndAreFixedPoints() {
    for (String raw : samples(1)) {
      EmailResult result = EmailStandardizer.standardize(raw);
      assertEquals(result.validity() == Validity.VALID, result.normalized() != null, raw);
      if (result.normalized() != null) {
        assertEquals(result, EmailStandardizer.standardize(result.normalized()), raw);
      }
    }
    assertNotNull(EmailStandardizer.standardize("a@b.co").matchKey());
  }

  @Test
  void phonesNeverThrowAndAreFixedPoints() {
    for (String raw : samples(2)) {
      PhoneResult result = phones.standardize(raw);
      assertEquals(result.validity() == Validity.VALID, result.e164() != null, raw);
      if (result.e164() != null) {
        assertEquals(result, phones.standardize(result.e164()), raw);
      }
    }
  }

  @Test
  void namesNeverThrowAndKeysAreLetters() {
    for (String raw : samples(3)) {
      for (NameResult result : List.of(names.standardizeFull(raw), names.standardizeParts(raw, raw, raw))) {
        if (result.validity() == Validity.MISSING) {
          assertNull(result.givenKey(), raw);
        }
        for (String key : new String[] {result.givenKey(), result.familyKey(), result.fullKey()}) {
          if (key != null) {
            assertEquals(key.length(), key.codePoints().filter(Character::isLetter).map(Character::charCount).sum(),
                raw);
          }
        }
      }
    }
  }

  @Test
  void addressesNeverThrow() {
    for (String raw : samples(4)) {
      AddressResult result = addresses.standardize(raw, raw, raw, raw, raw, raw);
      boolean usable = result.line1() != null || result.city() != null || result.region() != null
          || result.postcode() != null;
      assertEquals(result.validity() == Validity.VALID, usable, raw);
      assertEquals(result.line1() != null, result.singleLine() != null, raw);
    }
  }

  @Test
  void timestampsNeverThrowAndRoundTrip() {
    for (String raw : samples(5)) {
      Instant instant = times.parse(raw);
      if (instant != null) {
        assertEquals(instant, times.parse(instant.toString()), raw);
      }
      times.parseDate(raw);
    }
  }

  @Test
  void concurrentUseMatchesSequentialUse() {
    List<String> inputs = samples(6);
    List<String> sequential = inputs.stream().map(this::describe).collect(Collectors.toList());
    List<String> parallel = inputs.parallelStream().map(this::describe).collect(Collectors.toList());
    assertEquals(sequential, parallel);
  }

  private String describe(String raw) {
    return EmailStandardizer.standardize(raw) + "|" + phones.standardize(raw) + "|" + names.standardizeFull(raw)
        + "|" + addresses.standardize(raw, null, raw, raw, raw, raw) + "|" + times.parse(raw) + "|"
        + times.parseDate(raw);
  }
}
