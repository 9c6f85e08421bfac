package nl.waarom.analyzer.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.analyzer.taxonomy.TaxonomyLoader;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import org.junit.jupiter.api.Test;

/**
 * The openings of the demo scenario ({@code deploy/local}'s {@code Phrasebook}), copied here so
 * that a taxonomy change that would turn the demo into noise fails in this module already.
 */
class DemoPhrasesTest {
  private static final Map<String, List<String>> PHRASES = Map.ofEntries(
      Map.entry("invoice-question", List.of(
          "Ik begrijp mijn factuur van deze maand niet, waarom is het bedrag zo hoog?",
          "Er staat een post op mijn rekening die ik niet herken.",
          "Kunt u mij uitleggen hoe mijn factuur is opgebouwd?",
          "I don't understand my invoice this month, why is the amount so high?",
          "There is a charge on my bill that I don't recognise.",
          "Could you explain how my invoice is calculated?")),
      Map.entry("delivery-status", List.of(
          "Waar blijft mijn pakket? Het zou gisteren bezorgd worden.",
          "Mijn bestelling is nog steeds niet geleverd.",
          "De track en trace code doet niets, wanneer komt mijn pakket?",
          "Where is my parcel? It was supposed to arrive yesterday.",
          "My order still hasn't been delivered.",
          "The tracking link shows nothing, when will my package arrive?")),
      Map.entry("payment-problem", List.of(
          "Mijn betaling is mislukt maar het geld is wel afgeschreven.",
          "Ik kan niet betalen met iDEAL, ik krijg een foutmelding.",
          "My payment failed but the money was taken from my account.",
          "I can't pay by card, the payment keeps failing.",
          "De betaallink in jullie mail van vanochtend werkt niet.",
          "Als ik op de betaallink in de e-mail klik krijg ik een foutmelding.",
          "Ik wil mijn factuur betalen maar de betaallink geeft een foutpagina.",
          "De link om te betalen in de mail doet het niet.",
          "The payment link in your email this morning does not work.",
          "When I click the payment link in the email I get an error.",
          "I want to pay my bill but the pay now link in your email is broken.",
          "Your payment link gives me an error page.")),
      Map.entry("cancel-subscription", List.of(
          "Ik wil mijn abonnement opzeggen per volgende maand.",
          "Hoe kan ik mijn contract opzeggen?",
          "I want to cancel my subscription from next month.",
          "How do I cancel my contract?")),
      Map.entry("moving-house", List.of(
          "Ik ga verhuizen en wil mijn aansluiting meenemen naar mijn nieuwe adres.",
          "Wij verhuizen volgende week, wat moet ik regelen?",
          "I am moving house next month, can I take my connection with me?",
          "We're moving to a new address, what do I need to do?")),
      Map.entry("outage", List.of(
          "Ik heb sinds vanochtend geen internet, is er een storing?",
          "Er is een storing bij mij in de straat, de tv doet het ook niet.",
          "I have had no internet since this morning, is there an outage?",
          "Is there a network outage in my area? Nothing works.")),
      Map.entry("return-refund", List.of(
          "Ik heb mijn bestelling teruggestuurd maar nog geen geld terug ontvangen.",
          "Hoe kan ik dit product retourneren?",
          "I returned my order two weeks ago but haven't received my refund.",
          "How can I return this item for a refund?")),
      Map.entry("login-problem", List.of(
          "Ik kan niet inloggen in de app, mijn wachtwoord wordt niet geaccepteerd.",
          "Ik ben mijn wachtwoord vergeten en de reset mail komt niet aan.",
          "I can't log in to my account, it says my password is wrong.",
          "I forgot my password and the reset email never arrives.")),
      Map.entry("change-of-details", List.of(
          "Ik wil mijn rekeningnummer wijzigen.",
          "Mijn e-mailadres is veranderd, kunt u dat aanpassen?",
          "I'd like to change my bank account details.",
          "I need to update my email address and phone number.")),
      Map.entry("complaint", List.of(
          "Ik wil een klacht indienen over de monteur, die is niet komen opdagen.",
          "Ik ben erg ontevreden over hoe ik ben geholpen.",
          "I want to make a complaint about the engineer who never showed up.",
          "I am very unhappy with the service I received.")),
      Map.entry("callback-request", List.of(
          "Kunt u mij terugbellen? Ik heb nu geen tijd.",
          "Ik wil graag teruggebeld worden over mijn aanvraag.",
          "Can you call me back later today please?",
          "Please give me a call back about my request.")),
      Map.entry("unexplained", List.of(
          "Hallo, ik heb een vraag over jullie duurzaamheidsbeleid.",
          "Goedemiddag, ik zag jullie reclame op tv en was benieuwd.",
          "Mag ik een compliment geven aan de medewerker van gisteren?",
          "Hello, I have a question about your sustainability policy.",
          "Hi, I saw your advert on TV and was curious.",
          "I just wanted to say thanks to the lady who helped me yesterday.")));

  @Test
  void everyDemoOpeningGetsTheReasonItWasWrittenFor() {
    List<String> wrong = new ArrayList<>();
    try (Classifier classifier = new Classifier(TaxonomyLoader.loadDefault(RuleParser.check()))) {
      PHRASES.forEach((reason, texts) -> texts.forEach(text -> {
        Contact contact = Contact.newBuilder().setContactId("t").setChannel(Channel.CHAT)
            .setOccurredAt(Instant.EPOCH).setTurns(List.of(new Turn(Speaker.CUSTOMER, text, 0L)))
            .build();
        String got = classifier.classify(contact).primary().map(ReasonScore::reasonId)
            .orElse("unexplained");
        if (!got.equals(reason)) {
          wrong.add("'" + text + "' -> " + got + " (expected " + reason + ")");
        }
      }));
    }
    assertThat(wrong).isEmpty();
  }
}
