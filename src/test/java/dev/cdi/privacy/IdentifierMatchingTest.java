package dev.cdi.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cdi.privacy.IdentifierScanner.Found;
import dev.cdi.privacy.IdentifierScanner.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Requests, normalization, scanning, hashing and report redaction, on inline values. */
class IdentifierMatchingTest {

  private static final PrivacySalt SALT = PrivacySalt.of("unit-test-salt-0123456789");

  @Test
  void requestValuesAreClassifiedAndNormalizedAsSilverDoes() {
    ErasureRequest request = ErasureRequest.parse(List.of(" Amy.Ruiz+shop@GMail.com ", "(415) 555-0134",
        "C0123456789abcdef", "ck_9f2a", "record:crm_contacts:003ABC", "id:4155550134"), "US");
    assertEquals(List.of("email=amyruiz@gmail.com", "phone=+14155550134", "customer=C0123456789abcdef",
            "id=ck_9f2a", "record=crm_contacts:003ABC", "id=4155550134"),
        request.identifiers().stream().map(i -> i.kind().label() + "=" + i.normalized()).toList());
    assertEquals("request item 2 (phone)", request.identifiers().get(1).toString());
    assertEquals("+442079460958", ErasureRequest.parse(List.of("phone:020 7946 0958"), "GB").identifiers().get(0)
        .normalized());
  }

  @Test
  void invalidRequestsNameTheItemButNotItsValue() {
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> ErasureRequest.parse(List.of("ok@x.com", "email:not-an-address"), "US"));
    assertEquals("request item 2 is not a valid email", bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ErasureRequest.parse(List.of("x@y.com"), "UK"));
  }

  @Test
  void scannerFindsEmailsPhonesAndKeysInFreeText() {
    String text = "{\"email\":\"Amy.Ruiz@gmail.com\",\"phone\":\"+1 (415) 555-0134 x12\",\"account_id\":100234}";
    List<Found> found = new IdentifierScanner().scan(text, new Scope("US", true, List.of("ecom_accounts"), null));
    assertTrue(found.contains(new Found(IdentifierKind.EMAIL, "amyruiz@gmail.com", 10, 28)), found.toString());
    assertTrue(found.stream().anyMatch(f -> f.kind() == IdentifierKind.PHONE && f.value().equals("+14155550134")));
    assertTrue(found.stream().anyMatch(f -> f.kind() == IdentifierKind.RECORD
        && f.value().equals("ecom_accounts:100234")));
    List<Found> contacts = new IdentifierScanner().scan(text, Scope.contacts("US"));
    assertEquals(Set.of(IdentifierKind.EMAIL, IdentifierKind.PHONE),
        Set.copyOf(contacts.stream().map(Found::kind).toList()));
  }

  @Test
  void hashesDependOnSaltAndKindAndTheSaltIsNeverShown() {
    IdentifierHasher hasher = SALT.hasher();
    String email = hasher.hash(IdentifierKind.EMAIL, "amy@x.com");
    assertEquals(64, email.length());
    assertEquals(email, SALT.hasher().hash(IdentifierKind.EMAIL, "amy@x.com"));
    assertNotEquals(email, hasher.hash(IdentifierKind.ID, "amy@x.com"));
    assertNotEquals(email, PrivacySalt.of("another-salt-0123456789").hasher().hash(IdentifierKind.EMAIL, "amy@x.com"));
    assertFalse(SALT.toString().contains("unit-test") || hasher.toString().contains("unit-test"));
    assertEquals(16, SALT.check().length());
    assertThrows(IllegalArgumentException.class, () -> PrivacySalt.of("short"));
    assertTrue(PrivacySalt.fromEnvironment(Map.of()).isEmpty());
  }

  @Test
  void reportsLoseErasedIdentifiersAndNamesOnly() {
    IdentifierHasher hasher = SALT.hasher();
    Set<String> erased = Set.of(hasher.hash(IdentifierKind.EMAIL, "amyruiz@gmail.com"),
        hasher.hash(IdentifierKind.PHONE, "+14155550134"), hasher.hash(IdentifierKind.CUSTOMER, "C0123456789abcdef"),
        hasher.hash(IdentifierKind.RECORD, "crm_contacts:003ABC"));
    String report = "<td>C0123456789abcdef</td><td>Amy Ruiz &lt;Amy.Ruiz@gmail.com&gt;</td><td>415-555-0134</td>"
        + "<td>crm_contacts:003ABC</td><td>C0000000000000001 bob@x.com</td>";
    String redacted = new ReportRedactor().redact(report, f -> erased.contains(hasher.hash(f.kind(), f.value())),
        List.of("amy ruiz"));
    assertEquals("<td>[erased]</td><td>[erased] &lt;[erased]&gt;</td><td>[erased]</td><td>[erased]</td>"
        + "<td>C0000000000000001 bob@x.com</td>", redacted);
  }
}
