package dev.cdi.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhoneFormatsTest {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Phone US = new Phone("US", "1", "4155550134");
  private static final Phone UK = new Phone("GB", "44", "7911123456");
  private static final Phone DE = new Phone("DE", "49", "15123456789");
  private static final Phone MX = new Phone("MX", "52", "5512345678");

  @Test
  void northAmericanStyles() {
    assertEquals("+14155550134", PhoneFormats.format(US, PhoneFormats.Style.E164));
    assertEquals("(415) 555-0134", PhoneFormats.format(US, PhoneFormats.Style.PARENS));
    assertEquals("415-555-0134", PhoneFormats.format(US, PhoneFormats.Style.DASHED));
    assertEquals("415.555.0134", PhoneFormats.format(US, PhoneFormats.Style.DOTTED));
    assertEquals("+1 415 555 0134", PhoneFormats.format(US, PhoneFormats.Style.INTERNATIONAL));
    assertEquals("1-415-555-0134", PhoneFormats.format(US, PhoneFormats.Style.TRUNK));
    assertEquals("4155550134", PhoneFormats.format(US, PhoneFormats.Style.DIGITS));
  }

  @Test
  void internationalStyles() {
    assertEquals("07911 123456", PhoneFormats.format(UK, PhoneFormats.Style.PARENS));
    assertEquals("+44 7911 123456", PhoneFormats.format(UK, PhoneFormats.Style.INTERNATIONAL));
    assertEquals("0044 7911 123456", PhoneFormats.format(UK, PhoneFormats.Style.DOUBLE_ZERO));
    assertEquals("447911123456", PhoneFormats.format(UK, PhoneFormats.Style.COUNTRY_DIGITS));
    assertEquals("0151 23456789", PhoneFormats.format(DE, PhoneFormats.Style.TRUNK));
    assertEquals("+49 151 23456789", PhoneFormats.format(DE, PhoneFormats.Style.INTERNATIONAL));
    assertEquals("55 1234 5678", PhoneFormats.format(MX, PhoneFormats.Style.PARENS));
    assertEquals("+52 55 1234 5678", PhoneFormats.format(MX, PhoneFormats.Style.INTERNATIONAL));
  }

  @Test
  void everyStyleParsesBackToTheSameNumber() throws NumberParseException {
    for (Phone phone : new Phone[] {US, UK, DE, MX}) {
      for (PhoneFormats.Style style : PhoneFormats.Style.values()) {
        String text = PhoneFormats.format(phone, style);
        String region = text.startsWith("00") ? "DE" : text.startsWith("+") ? "US" : phone.region();
        if (!text.startsWith("+") && !text.startsWith("00") && style == PhoneFormats.Style.COUNTRY_DIGITS) {
          text = "+" + text;
        }
        PhoneNumber parsed = UTIL.parse(text, region);
        assertEquals(phone.e164(), UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164), text);
      }
    }
  }

  @Test
  void extensionsAreAppended() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 20; i++) {
      String text = PhoneFormats.withExtension(r, "415-555-0134");
      assertTrue(text.matches("415-555-0134 (x\\d{3}|ext\\. \\d{2}|ext \\d)"), text);
    }
  }

  @Test
  void generatedPersonalNumbersAreValidAndUnique() {
    ReferenceData ref = ReferenceData.get();
    SplittableRandom r = new SplittableRandom(5);
    Set<String> seen = new HashSet<>();
    int valid = 0;
    int n = 5_000;
    for (int i = 0; i < n; i++) {
      Phone phone = Phones.personal(42, r, i, ref.cities().pick(r), ref);
      assertTrue(seen.add(phone.e164()), "duplicate " + phone);
      valid += isValid(phone) ? 1 : 0;
    }
    assertTrue(valid > n * 0.99, valid + " valid of " + n);
  }

  @Test
  void storePhonesUseTheReservedExchange() {
    for (City city : ReferenceData.get().cities().items()) {
      Phone phone = Phones.store(city);
      assertEquals(Phones.STORE_EXCHANGE, phone.nationalNumber().substring(3, 6));
      assertTrue(isValid(phone), phone.e164());
    }
  }

  private static boolean isValid(Phone phone) {
    try {
      return UTIL.isValidNumber(UTIL.parse(phone.e164(), "US"));
    } catch (NumberParseException e) {
      return false;
    }
  }
}
