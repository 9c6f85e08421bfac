package nl.waarom.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

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
      "postcode 1012 AB, huisnummer 12",
      "NL91ABNA0417164301 (checksum wrong)",
      "tel 06-1234567 (one digit short)",
      "IP 192.168.0.1 en versie 1.2.3",
      "bel +31 6 12 en dan",
      "score 0,50 of 0.75",
      "at 10:15 in kamer 020",
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
