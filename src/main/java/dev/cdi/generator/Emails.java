package dev.cdi.generator;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Builds email addresses from names: personal ones at consumer providers (gmail.com, yahoo.com, outlook.com,
 * hotmail.com, icloud.com, aol.com, comcast.net), work ones at company domains and family ones shared by a
 * household. Addresses whose name part many persons share (common name combinations, initial-based patterns)
 * always get a random number, the way providers force one on them; this keeps accidental collisions between
 * different persons very rare (a few per million persons).
 */
final class Emails {

  /** Placeholder addresses that clerks and web forms enter for customers without one: identifier hubs. */
  static final List<String> HUB_EMAILS = List.of("test@test.com", "none@none.com", "noemail@example.com");
  static final double COMMON_NAME_SHARE = 2e-7;

  private static final String[] CONSUMER_DOMAINS =
      {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net"};
  private static final double[] CONSUMER_WEIGHTS = {42, 15, 10, 10, 10, 7, 6};
  private static final String[] WORK_DOMAINS = {"acmecorp.com", "globex.com", "initech.com", "umbrellacorp.com",
      "hooli.com", "contoso.com", "fabrikam.com", "northwindtraders.com", "dundermifflin.com", "vandelay.com",
      "cyberdyne.com", "wonkaindustries.com", "piedpiper.com", "stark-industries.com", "wayne-enterprises.com"};
  private static final String[] FAMILY_DOMAINS = {"comcast.net", "gmail.com", "yahoo.com", "aol.com", "outlook.com"};
  private static final double DIGITS_RATE = 0.45;
  private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z]");

  private Emails() {
  }

  /** A personal address such as {@code robert.smith87@gmail.com}. */
  static String personal(SplittableRandom r, ReferenceData ref, Gender gender, String given, String surname,
                         LocalDate birthDate) {
    String first = ascii(given);
    String last = ascii(surname);
    int pattern = Rng.weighted(r, 24, 14, 6, 4, 12, 5, 4);
    String local = switch (pattern) {
      case 0 -> first + "." + last;
      case 1 -> first + last;
      case 2 -> first + "_" + last;
      case 3 -> last + first;
      case 4 -> first.charAt(0) + last;
      case 5 -> first.charAt(0) + "." + last;
      default -> first + last.charAt(0);
    };
    boolean crowded = pattern >= 4 || ref.nameShare(gender, given, surname) > COMMON_NAME_SHARE;
    if (crowded) {
      local += Rng.between(r, 10, 999_999);
    } else if (Rng.chance(r, DIGITS_RATE)) {
      local += digits(r, birthDate);
    }
    return local + "@" + CONSUMER_DOMAINS[Rng.weighted(r, CONSUMER_WEIGHTS)];
  }

  /** A work address such as {@code robert.smith@initech.com}, {@code rsmith4410@initech.com}. */
  static String work(SplittableRandom r, ReferenceData ref, Gender gender, String given, String surname) {
    String first = ascii(given);
    String last = ascii(surname);
    boolean initial = Rng.chance(r, 0.4);
    String local = initial ? first.charAt(0) + last : first + "." + last;
    if (initial || ref.nameShare(gender, given, surname) > COMMON_NAME_SHARE) {
      local += Rng.between(r, 2, 99_999);
    }
    return local + "@" + Rng.pickOf(r, WORK_DOMAINS);
  }

  /** A family address such as {@code thesmiths@comcast.net} or {@code smithfamily27@gmail.com}. */
  static String family(SplittableRandom r, String surname) {
    String last = ascii(surname);
    String local = switch (r.nextInt(4)) {
      case 0 -> "the" + last + "s";
      case 1 -> last + "family";
      case 2 -> last + ".family";
      default -> last + "household";
    };
    return local + Rng.between(r, 1, 9999) + "@" + Rng.pickOf(r, FAMILY_DOMAINS);
  }

  /** Lower-case ASCII letters only: accents dropped, apostrophes, hyphens and spaces removed. */
  static String ascii(String name) {
    String decomposed = Normalizer.normalize(name.replace("ß", "ss"), Normalizer.Form.NFD);
    String letters = NOT_A_LETTER.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll("");
    return letters.isEmpty() ? "x" : letters;
  }

  private static String digits(SplittableRandom r, LocalDate birthDate) {
    return switch (Rng.weighted(r, 30, 20, 35, 15)) {
      case 0 -> Ids.zeroPad(birthDate.getYear() % 100, 2);
      case 1 -> Integer.toString(birthDate.getYear());
      case 2 -> Integer.toString(Rng.between(r, 1, 999));
      default -> Integer.toString(Rng.between(r, 1000, 9999));
    };
  }
}
