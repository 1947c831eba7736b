package dev.cdi.silver.standardize;

import static dev.cdi.silver.standardize.Validity.INVALID;
import static dev.cdi.silver.standardize.Validity.MISSING;
import static dev.cdi.silver.standardize.Validity.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailStandardizerTest {

  private static final String LOCAL_64 = "a".repeat(64);
  /** 190 characters: with a 64-character local part and the @, 255 in all. */
  private static final String DOMAIN_190 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(58) + ".com";
  private static final String DOMAIN_189 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(57) + ".com";

  static Stream<Arguments> cases() {
    return Stream.of(
        // provider rules
        Arguments.of(" John.Doe+shop@GoogleMail.com ", "john.doe+shop@googlemail.com", "johndoe@gmail.com", VALID),
        Arguments.of("j.o.h.n.doe@gmail.com", "j.o.h.n.doe@gmail.com", "johndoe@gmail.com", VALID),
        Arguments.of("JOHN.DOE@GMAIL.COM", "john.doe@gmail.com", "johndoe@gmail.com", VALID),
        Arguments.of("jane+news@outlook.com", "jane+news@outlook.com", "jane@outlook.com", VALID),
        Arguments.of("jane.doe+x@hotmail.com", "jane.doe+x@hotmail.com", "jane.doe@hotmail.com", VALID),
        Arguments.of("joe+a+b@live.com", "joe+a+b@live.com", "joe@live.com", VALID),
        Arguments.of("amy+promo@icloud.com", "amy+promo@icloud.com", "amy@icloud.com", VALID),
        Arguments.of("amy+promo@me.com", "amy+promo@me.com", "amy@me.com", VALID),
        Arguments.of("bob-shopping@yahoo.com", "bob-shopping@yahoo.com", "bob@yahoo.com", VALID),
        Arguments.of("bob+x@yahoo.com", "bob+x@yahoo.com", "bob@yahoo.com", VALID),
        Arguments.of("first-last@example.com", "first-last@example.com", "first-last@example.com", VALID),
        Arguments.of("user+tag@example.org", "user+tag@example.org", "user@example.org", VALID),
        Arguments.of("+tag@example.org", null, null, INVALID),
        Arguments.of("+promo@gmail.com", null, null, INVALID),
        // wrappers
        Arguments.of("<john@example.com>", "john@example.com", "john@example.com", VALID),
        Arguments.of("mailto:John@Example.com", "john@example.com", "john@example.com", VALID),
        Arguments.of("John Doe <John@Example.com>", "john@example.com", "john@example.com", VALID),
        Arguments.of("\"john@example.com\"", "john@example.com", "john@example.com", VALID),
        Arguments.of("john@example.com.", "john@example.com", "john@example.com", VALID),
        Arguments.of("john@example.com;", "john@example.com", "john@example.com", VALID),
        Arguments.of("\u00A0john@example.com\u2003\u200B", "john@example.com", "john@example.com", VALID),
        Arguments.of("jo\u0000hn@example.com", "john@example.com", "john@example.com", VALID),
        // syntax
        Arguments.of("a@b.co", "a@b.co", "a@b.co", VALID),
        Arguments.of("o'brien_x!#$%&*/=?^`{|}~@example.ie", "o'brien_x!#$%&*/=?^`{|}~@example.ie",
            "o'brien_x!#$%&*/=?^`{|}~@example.ie", VALID),
        Arguments.of("info@123.com", "info@123.com", "info@123.com", VALID),
        Arguments.of("kontakt@Müller.de", "kontakt@xn--mller-kva.de", "kontakt@xn--mller-kva.de", VALID),
        Arguments.of(LOCAL_64 + "@x.io", LOCAL_64 + "@x.io", LOCAL_64 + "@x.io", VALID),
        Arguments.of(LOCAL_64 + "a@x.io", null, null, INVALID),
        Arguments.of(LOCAL_64 + "@" + DOMAIN_189, LOCAL_64 + "@" + DOMAIN_189, LOCAL_64 + "@" + DOMAIN_189, VALID),
        Arguments.of(LOCAL_64 + "@" + DOMAIN_190, null, null, INVALID),
        Arguments.of("test@test", null, null, INVALID),
        Arguments.of("john..doe@example.com", null, null, INVALID),
        Arguments.of(".john@example.com", null, null, INVALID),
        Arguments.of("john.@example.com", null, null, INVALID),
        Arguments.of("john@@example.com", null, null, INVALID),
        Arguments.of("john@ex@ample.com", null, null, INVALID),
        Arguments.of("john doe@example.com", null, null, INVALID),
        Arguments.of("john@-example.com", null, null, INVALID),
        Arguments.of("john@example-.com", null, null, INVALID),
        Arguments.of("john@example..com", null, null, INVALID),
        Arguments.of("john@example.c", null, null, INVALID),
        Arguments.of("john@example.123", null, null, INVALID),
        Arguments.of("john@[192.168.0.1]", null, null, INVALID),
        Arguments.of("@example.com", null, null, INVALID),
        Arguments.of("john@", null, null, INVALID),
        Arguments.of("john@example.com, jane@example.com", null, null, INVALID),
        Arguments.of("josé@example.com", null, null, INVALID),
        Arguments.of("李小龍@example.com", null, null, INVALID),
        // hostile
        Arguments.of(null, null, null, MISSING),
        Arguments.of("", null, null, MISSING),
        Arguments.of(" \t\r\n ", null, null, MISSING),
        Arguments.of("\u00A0\u2003\u200B\uFEFF", null, null, MISSING),
        Arguments.of("😀", null, null, INVALID),
        Arguments.of("😀@example.com", null, null, INVALID),
        Arguments.of("john@exa😀mple.com", null, null, INVALID),
        Arguments.of(TestInputs.HUGE, null, null, INVALID),
        Arguments.of(TestInputs.HUGE + "@example.com", null, null, INVALID),
        Arguments.of("12345", null, null, INVALID),
        Arguments.of("true", null, null, INVALID),
        Arguments.of("{}", null, null, INVALID),
        Arguments.of("@", null, null, INVALID),
        Arguments.of("<>", null, null, INVALID));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void standardizes(String raw, String normalized, String matchKey, Validity validity) {
    EmailResult result = EmailStandardizer.standardize(raw);
    assertEquals(new EmailResult(normalized, matchKey, validity), result);
    if (normalized != null) {
      assertEquals(result, EmailStandardizer.standardize(normalized), "standardizing again changes nothing");
    }
  }
}
