package dev.cdi.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which systems a person appears in, plus the facts several writers share (the e-commerce accounts, used by orders
 * and web logins, and the app user id). Drawn from the person's own FOOTPRINT stream.
 *
 * <p>Rates (of all persons unless stated): CRM contact {@value #CRM_RATE}, of which {@value #CRM_DUPLICATE_RATE}
 * have a duplicate contact; e-commerce account {@value #ECOM_RATE}, of which {@value #SECOND_ACCOUNT_RATE} have a
 * second account under another email; guest shoppers {@value #GUEST_SHOPPER_RATE} of persons without an account;
 * web activity {@value #WEB_RATE} (1-3 cookies); email subscriber {@value #EMAIL_RATE}; support tickets
 * {@value #SUPPORT_RATE} (1-3); loyalty member {@value #LOYALTY_RATE}; anonymous store shoppers
 * {@value #ANONYMOUS_POS_RATE} of non-members; app users {@value #APP_RATE} (1-2 devices), of whom
 * {@value #APP_LOGIN_RATE} log in.
 */
record Footprint(int crmContacts, List<Account> accounts, boolean guestShopper, int webCookies,
                 boolean emailSubscriber, int supportTickets, boolean loyaltyMember, boolean anonymousPosShopper,
                 int appDevices, String appUserId) {

  static final double CRM_RATE = 0.60;
  static final double CRM_DUPLICATE_RATE = 0.08;
  static final double ECOM_RATE = 0.55;
  static final double SECOND_ACCOUNT_RATE = 0.03;
  static final double WORK_EMAIL_ACCOUNT_RATE = 0.10;
  static final double GUEST_SHOPPER_RATE = 0.10;
  static final double WEB_RATE = 0.70;
  static final double EMAIL_RATE = 0.50;
  static final double SUPPORT_RATE = 0.15;
  static final double LOYALTY_RATE = 0.30;
  static final double ANONYMOUS_POS_RATE = 0.25;
  static final double APP_RATE = 0.25;
  static final double APP_LOGIN_RATE = 0.80;

  /**
   * An e-commerce account.
   *
   * @param accountId account number
   * @param createdAt sign-up time
   * @param email     login email
   */
  record Account(long accountId, Instant createdAt, String email) {
  }

  static Footprint draw(long seed, Person person) {
    SplittableRandom r = Rng.of(seed, RngStream.FOOTPRINT, person.index());
    int crm = Rng.chance(r, CRM_RATE) ? (Rng.chance(r, CRM_DUPLICATE_RATE) ? 2 : 1) : 0;
    List<Account> accounts = Rng.chance(r, ECOM_RATE) ? accounts(r, person) : List.of();
    boolean guest = accounts.isEmpty() && Rng.chance(r, GUEST_SHOPPER_RATE);
    int cookies = Rng.chance(r, WEB_RATE) ? 1 + Rng.weighted(r, 50, 35, 15) : 0;
    boolean subscriber = Rng.chance(r, EMAIL_RATE);
    int tickets = Rng.chance(r, SUPPORT_RATE) ? 1 + Rng.weighted(r, 70, 22, 8) : 0;
    boolean member = Rng.chance(r, LOYALTY_RATE);
    boolean anonymousShopper = !member && Rng.chance(r, ANONYMOUS_POS_RATE);
    int devices = Rng.chance(r, APP_RATE) ? 1 + Rng.weighted(r, 75, 25) : 0;
    String appUserId = devices > 0 && Rng.chance(r, APP_LOGIN_RATE) ? Ids.appUserId(seed, person.index()) : null;
    return new Footprint(crm, accounts, guest, cookies, subscriber, tickets, member, anonymousShopper, devices,
        appUserId);
  }

  boolean hasAccount() {
    return !accounts.isEmpty();
  }

  private static List<Account> accounts(SplittableRandom r, Person person) {
    List<Account> accounts = new ArrayList<>(2);
    Instant created = SimTime.uniform(r);
    boolean workFirst = person.workEmail() != null && Rng.chance(r, WORK_EMAIL_ACCOUNT_RATE);
    String firstEmail = workFirst ? person.workEmail() : person.email();
    accounts.add(new Account(Ids.accountId(person.index(), 0), created, firstEmail));
    if (Rng.chance(r, SECOND_ACCOUNT_RATE)) {
      Instant later = SimTime.plusUpTo(r, created, Duration.ofDays(300));
      accounts.add(new Account(Ids.accountId(person.index(), 1), later, otherEmail(r, person, firstEmail)));
    }
    return List.copyOf(accounts);
  }

  private static String otherEmail(SplittableRandom r, Person person, String used) {
    if (person.workEmail() != null && !person.workEmail().equals(used)) {
      return person.workEmail();
    }
    return Noise.plusTag(r, person.email());
  }
}
