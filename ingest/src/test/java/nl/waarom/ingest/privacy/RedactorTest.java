package nl.waarom.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = new Redactor();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mail jan.jansen@example.nl graag           | mail [EMAIL] graag",
      "Mail: J.de-Vries+klant@mail.example.co.uk. | Mail: [EMAIL].",
      "<piet_42@voorbeeld.com>                     | <[EMAIL]>",
  })
  void emailAddresses(String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bel me op 06-12345678 aub          | bel me op [PHONE] aub",
      "bel me op 0612345678.              | bel me op [PHONE].",
      "mobiel 06 1234 5678 of             | mobiel [PHONE] of",
      "mobiel 06 12 34 56 78              | mobiel [PHONE]",
      "kantoor 020-1234567                | kantoor [PHONE]",
      "kantoor 020 123 4567, dank         | kantoor [PHONE], dank",
      "kantoor (020) 123 4567             | kantoor [PHONE]",
      "nummer +31 6 1234 5678 klopt       | nummer [PHONE] klopt",
      "nummer +31612345678                | nummer [PHONE]",
      "nummer +31 (0)20 123 4567          | nummer [PHONE]",
      "nummer 0031 6 12345678             | nummer [PHONE]",
      "London +44 20 7946 0958 office     | London [PHONE] office",
      "call +1-202-555-0143 now           | call [PHONE] now",
  })
  void phoneNumbers(String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rekening NL91ABNA0417164300 klopt     | rekening [IBAN] klopt",
      "rekening NL91 ABNA 0417 1643 00.      | rekening [IBAN].",
      "rekening nl91abna0417164300           | rekening [IBAN]",
      "konto DE89 3704 0044 0532 0130 00 ok  | konto [IBAN] ok",
      "account GB82 WEST 1234 5698 7654 32   | account [IBAN]",
      "rek BE71 0961 2345 6769 mijn rekening | rek [IBAN] mijn rekening",
      "NL91 ABNA 0417 1643 00 12 stuks       | [IBAN] 12 stuks",
  })
  void ibansWithValidChecksum(String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "het bedrag was € 1.234,56 te hoog",
      "het bedrag was EUR 12345,00",
      "op 24-11-2026 besteld",
      "op 04-11-2026 12:30 gebeld",
      "geleverd 2026-11-24T10:15:30Z",
      "order 123456 is niet aangekomen",
      "ordernummer 0123456 en klantnummer 987654321",
      "referentie 0012345678 (no country code)",
      "NL91ABNA0417164301 (checksum wrong)",
      "tel 06-1234567 (one digit short)",
      "IP 192.168.0.1 en versie 1.2.3",
      "bel +31 6 12 en dan",
      "score 0,50 of 0.75",
      "at 10:15 in kamer 020",
      "het kost 12.50 of 12,50 euro, 15% korting, 3,5%",
      "datum 12-03-2025 en 2025-03-12 en 12/03/2025 om 14:30:15",
      "ORD-123456 en order 87654321 en bestelling 1234567890",
      "factuur 2025-000123, ticket #998877",
      "een bedrag van € 123.456.789 is veel",
      "in 2025 en 2026 verbruikte ik 1500 MB en 250mg",
      "1234 ab zonder adreswoord",
      "DE86 2311 5041 8221 7886 95 (wrong checksum: no card or phone inside)",
      "GB82 WEST 0041 7806 9553 24 (wrong checksum: no phone inside)",
  })
  void nearMissesAreKept(String text) {
    assertThat(redactor.redact(text)).isEqualTo(text);
  }

  @Test
  void everyKindInOneText() {
    String text = "Hoi, ik ben piet@example.com, tel 06-12345678, IBAN NL91ABNA0417164300; "
        + "order 123456 van 24-11-2026 kostte € 1.234,56.";
    assertThat(redactor.redact(text)).isEqualTo("Hoi, ik ben [EMAIL], tel [PHONE], IBAN [IBAN]; "
        + "order 123456 van 24-11-2026 kostte € 1.234,56.");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mijn BSN is 123456782, klopt     | mijn BSN is [BSN], klopt",
      "burgerservicenummer: 1234.56.782 | burgerservicenummer: [BSN]",
      "bsn 123 456 782                   | bsn [BSN]",
      "sofinummer 12345672               | sofinummer [BSN]",
      "BSN: 111.222.333                  | BSN: [BSN]",
      "nummer 111222333 opgegeven        | nummer [BSN] opgegeven",
  })
  void bsnsPassingTheElevenTest(String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "mijn BSN is 123456789",          // fails the eleven-test
      "nummer 12345672 zonder context", // eight digits need the word BSN
      "ordernummer 123456782",          // valid by chance, but called an order number
      "factuur 111222333 betaald",
      "bedrag 111.222.333 euro",        // an amount, not a BSN, unless called one
      "BSN 000000000",
  })
  void bsnNearMissesAreKept(String text) {
    assertThat(redactor.redact(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "kaart 4111 1111 1111 1111 ok        | kaart [CARD] ok",
      "kaart 4111-1111-1111-1111.          | kaart [CARD].",
      "mc 5555555555554444                 | mc [CARD]",
      "amex 3782 822463 10005              | amex [CARD]",
      "mc2 2223 0031 2200 3222             | mc2 [CARD]",
      "discover 6011 1111 1111 1117 graag  | discover [CARD] graag",
  })
  void cardNumbersPassingLuhnInAnIssuerRange(String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "kaart 4111 1111 1111 1112 (Luhn fails)",
      "nummer 1234 5678 9012 3452 (Luhn ok, no issuer 1)",
      "zending 9999999999999995 (Luhn ok, no issuer 9)",
      "4111 1111 1111 (twelve digits)",
  })
  void cardNearMissesAreKept(String text) {
    assertThat(redactor.redact(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ik woon Dorpsstraat 12, 1234 AB Utrecht | ik woon [POSTCODE] Utrecht",
      "adres: 1234AB 12, verder              | adres: [POSTCODE], verder",
      "postcode 1012 AB, huisnummer 12       | postcode [POSTCODE], huisnummer 12",
      "naar 3511ab graag                     | naar [POSTCODE] graag",
      "Kerkweg 7-a, 2312 XY Leiden           | [POSTCODE] Leiden",
      "postcode 1234 AB.                     | postcode [POSTCODE].",
      "ik woon op 1234 ab                    | ik woon op [POSTCODE]",
      "Dorpsstraat 2, 1234 GB                | [POSTCODE]",
  })
  void postcodesWithHouseNumbers(String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bel me: +1 (202) 555-0143          | bel me: [PHONE]",
      "Paris +33.1.42.68.53.00 ok         | Paris [PHONE] ok",
      "mobiel 0031-6-12345678             | mobiel [PHONE]",
      "mobiel 06 - 12345678 graag         | mobiel [PHONE] graag",
      "mobiel 06.12.34.56.78              | mobiel [PHONE]",
      "tel. 050-8166456 09:28 gebeld      | tel. [PHONE] 09:28 gebeld",
  })
  void moreInternationalFormats(String text, String expected) {
    assertThat(redactor.redact(text)).isEqualTo(expected);
  }

  @Test
  void customerNamesAreReplacedWhereverTheyOccur() {
    Redaction r = redactor.redact("Hoi, ik ben Jan de Vries. JAN DE VRIES hier; groet, Jan "
        + "(mevrouw De Vries niet, maar de vries is een woord)", List.of("Jan de Vries"));
    assertThat(r.text()).isEqualTo("Hoi, ik ben [NAME]. [NAME] hier; groet, [NAME] "
        + "(mevrouw De [NAME] niet, maar de vries is een woord)");
    assertThat(r.counts()).isEqualTo(Map.of(PiiType.NAME, 4));
    assertThat(redactor.redact("Janssen en Jansen", List.of("Jan")).text())
        .isEqualTo("Janssen en Jansen");
  }

  @Test
  void countsEveryKindFound() {
    Redaction r = redactor.redact("Piet Bakker, piet@example.com, 06-12345678, +31 20 123 4567, "
        + "NL91ABNA0417164300, 4111 1111 1111 1111, BSN 123456782, 1234 AB 5", List.of("Piet Bakker"));
    assertThat(r.text()).isEqualTo(
        "[NAME], [EMAIL], [PHONE], [PHONE], [IBAN], [CARD], BSN [BSN], [POSTCODE]");
    assertThat(r.counts()).isEqualTo(Map.of(PiiType.NAME, 1, PiiType.EMAIL, 1, PiiType.PHONE, 2,
        PiiType.IBAN, 1, PiiType.CARD, 1, PiiType.BSN, 1, PiiType.POSTCODE, 1));
    assertThat(r.spans()).extracting(PiiSpan::type).containsExactly(PiiType.NAME, PiiType.EMAIL,
        PiiType.PHONE, PiiType.PHONE, PiiType.IBAN, PiiType.CARD, PiiType.BSN, PiiType.POSTCODE);
  }

  @Test
  void checksums() {
    assertThat(Checksums.isBsn("123456782")).isTrue();
    assertThat(Checksums.isBsn("123456789")).isFalse();
    assertThat(Checksums.luhn("79927398713")).isTrue();
    assertThat(Checksums.luhn("79927398710")).isFalse();
    assertThat(Checksums.isCard("4111111111111111")).isTrue();
    assertThat(Checksums.isCard("411111111111111")).isFalse();
  }

  @Test
  void nullAndEmptyPassThrough() {
    assertThat(redactor.redact(null)).isNull();
    assertThat(redactor.redact("")).isEmpty();
  }

  @Test
  void ibanChecksum() {
    assertThat(Iban.isValid("NL91ABNA0417164300")).isTrue();
    assertThat(Iban.isValid("NL91 ABNA 0417 1643 00")).isTrue();
    assertThat(Iban.isValid("NL92ABNA0417164300")).isFalse();
    assertThat(Iban.isValid("NL91ABNA")).isFalse();
  }
}
