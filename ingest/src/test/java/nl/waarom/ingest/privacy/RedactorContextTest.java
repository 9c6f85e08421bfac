package nl.waarom.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Personal data found from the words around it, with no customer name given by the source. */
class RedactorContextTest {
  private final Redactor redactor = new Redactor();

  private String redact(String text) {
    return redactor.redact(text.replace("\\n", "\n"), List.of()).text().replace("\n", "\\n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Goedemiddag meneer Jansen, waarmee kan ik u helpen? | Goedemiddag meneer [NAME], waarmee kan ik u helpen?",
      "Mijn naam is Fatima el Amrani en ik bel            | Mijn naam is [NAME] en ik bel",
      "Met Pieter de Vries, ik heb een vraag              | Met [NAME], ik heb een vraag",
      "u spreekt met Lotte, hoe kan ik helpen?             | u spreekt met [NAME], hoe kan ik helpen?",
      "Hi, this is John Smith about my order              | Hi, this is [NAME] about my order",
      "Dear Mr Thompson,\\nThank you                       | Dear Mr [NAME],\\nThank you",
      "Met vriendelijke groet,\\nAnna Bakker               | Met vriendelijke groet,\\n[NAME]",
      "Kind regards,\\nSarah Wilson\\nManager             | Kind regards,\\n[NAME]\\nManager",
      "Geachte heer Van der Linden, hierbij               | Geachte heer [NAME], hierbij",
      "hoi met priya hier, waar blijft het pakket         | hoi met [NAME] hier, waar blijft het pakket",
      "mijn naam is fatima en ik bel                      | mijn naam is [NAME] en ik bel",
      "Mevrouw van 't Hof vraagt om een monteur           | Mevrouw [NAME] vraagt om een monteur",
      "ja met de Groot, ik bel over mijn pakket           | ja met [NAME], ik bel over mijn pakket",
      "Met vriendelijke groet,\\ndhr. A. Yıldız           | Met vriendelijke groet,\\ndhr. [NAME]",
      "De rekening staat op naam van Yvonne Smit.         | De rekening staat op naam van [NAME].",
      "Mijn zoon Daan heeft een film gehuurd              | Mijn zoon [NAME] heeft een film gehuurd",
      "oh, bij Wim en Ria? Dan ga ik kijken               | oh, bij [NAME] en [NAME]? Dan ga ik kijken",
      "Mijn vader, Johannes Hoekstra, betaalt             | Mijn vader, [NAME], betaalt",
  })
  void namesFromContext(String text, String expected) {
    assertThat(redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Mark the ticket as urgent please.",
      "May I have a copy of my last invoice?",
      "Will you send me a new card?",
      "Van Amsterdam naar Rotterdam kost de bezorging niets extra.",
      "Ik wil graag de bakker bellen die de taart leverde.",
      "Ik zit in Den Haag en de glasvezel ligt er nog steeds niet.",
      "Ik heb het pakket bij de Albert Heijn opgehaald.",
      "Het product heet Philips Hue White and Color Ambiance.",
      "Ik heb Ziggo en KPN vergeleken.",
      "Groeten uit Maastricht!",
      "Met vriendelijke groet,\\nTeam Klantenservice",
      "Ik heb het adres aangepast naar Anna Paulowna.",
      "We offer April and May discounts for new customers.",
  })
  void wordsThatAreAlsoNamesStay(String text) {
    assertThat(redact(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Mijn adres is Kerkstraat 12 in Utrecht.          | Mijn adres is [ADDRESS] in Utrecht.",
      "Het nieuwe adres is Van Goghlaan 118, Eindhoven. | Het nieuwe adres is [ADDRESS], Eindhoven.",
      "Laan van Meerdervoort 210\\n2517 BH Den Haag    | [ADDRESS]\\n[POSTCODE] Den Haag",
      "Mijn adres: Prinsengracht 263-1, Amsterdam.      | Mijn adres: [ADDRESS], Amsterdam.",
      "I live at 221B Baker Street, London NW1 6XE.     | I live at [ADDRESS], London [POSTCODE].",
      "Ik woon in Duitsland, Hauptstraße 5, 10115 Berlin | Ik woon in Duitsland, [ADDRESS] Berlin",
      "Please ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500. | Please ship to [ADDRESS], Washington, [POSTCODE].",
  })
  void streetAddresses(String text, String expected) {
    assertThat(redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Pakket 2 van 3 is nog niet aangekomen.",
      "Het huisnummer is 12 maar de brievenbus zit om de hoek.",
      "Het abonnement Sim Only 10 GB kost € 12,50.",
      "Ik woon in Amsterdam en mijn buurman heeft hetzelfde probleem.",
      "Type: iPhone 15 Pro Max, 256 GB, kleur blauw.",
  })
  void numbersAfterOrdinaryWordsStay(String text) {
    assertThat(redact(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Mijn geboortedatum is 14-03-1985.       | Mijn geboortedatum is [BIRTH_DATE].",
      "Ik ben geboren op 3 maart 1978.         | Ik ben geboren op [BIRTH_DATE].",
      "my DOB is 1990-07-21 and                | my DOB is [BIRTH_DATE] and",
      "I was born on March 3, 1978.            | I was born on [BIRTH_DATE].",
      "Sure, 14th of February 1979.            | Sure, [BIRTH_DATE].",
      "Klant: 12 september 1967                | Klant: [BIRTH_DATE]",
  })
  void datesOfBirth(String text, String expected) {
    assertThat(redact(text)).isEqualTo(expected);
  }

  @Test
  void recentDatesWithoutBirthWordsStay() {
    int recent = Year.now().getValue() - 1;
    for (String text : List.of("Het pakket zou op 12-06-" + recent + " komen.",
        "Op 5 november " + recent + " is de storing begonnen.",
        "I was charged on " + recent + "-01-15 and again.",
        "Ik heb op 3 maart gebeld.")) {
      assertThat(redact(text)).as(text).isEqualTo(text);
    }
    int old = Year.now().getValue() - ContextRules.YEARS_BACK_ALWAYS_BIRTH - 1;
    assertThat(redact("Klant: 4 mei " + old)).isEqualTo("Klant: [BIRTH_DATE]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Kenteken 12-ABC-3 staat op mijn naam.       | Kenteken [PLATE] staat op mijn naam.",
      "auto met kenteken 4-TXK-12 is opgehaald     | auto met kenteken [PLATE] is opgehaald",
      "My licence plate is HX-562-B, outside.      | My licence plate is [PLATE], outside.",
      "Paspoortnummer NW92BK8L3 heb ik gegeven.    | Paspoortnummer [ID_NUMBER] heb ik gegeven.",
      "Mijn ID-kaart heeft nummer IB7J2KL45.       | Mijn ID-kaart heeft nummer [ID_NUMBER].",
      "Mail me op jan punt jansen at gmail punt com | Mail me op [EMAIL]",
      "email sarah dot wilson at outlook dot com.  | email [EMAIL].",
      "Call me at (555) 123-4567.                  | Call me at [PHONE].",
      "My phone is 555-867-5309.                   | My phone is [PHONE].",
      "My number is 07700 900123.                  | My number is [PHONE].",
  })
  void platesDocumentsSpelledAddressesAndForeignPhones(String text, String expected) {
    assertThat(redact(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Bestelling 99-ABC-12 staat nog open.",
      "Reference ABC-12-34 on your letter is wrong.",
      "ordernummer XD-44-RT is verzonden",
      "Factuur AB1234567 klopt niet.",
      "I'm looking at the invoice now.",
      "Order number: 7781-223-91.",
  })
  void lookalikesStay(String text) {
    assertThat(redact(text)).isEqualTo(text);
  }
}
