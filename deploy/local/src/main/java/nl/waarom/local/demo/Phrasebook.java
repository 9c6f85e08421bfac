package nl.waarom.local.demo;

import java.util.List;

/**
 * What customers and agents say in the demo scenario, in Dutch and English, per contact reason.
 * Realistic and varied on purpose: several phrasings per reason, so the demo exercises the taxonomy's
 * rules rather than one memorised sentence. A few openings state no known reason at all, so the
 * board's "share explained" is honest rather than 100 %.
 */
final class Phrasebook {
  private Phrasebook() {}

  /** One reason's customer openings; {@code weight} is its share of normal traffic. */
  record Reason(String hint, int weight, List<String> nl, List<String> en) {}

  static final List<Reason> NORMAL = List.of(
      new Reason("invoice-question", 14,
          List.of("Ik begrijp mijn factuur van deze maand niet, waarom is het bedrag zo hoog?",
              "Er staat een post op mijn rekening die ik niet herken.",
              "Kunt u mij uitleggen hoe mijn factuur is opgebouwd?"),
          List.of("I don't understand my invoice this month, why is the amount so high?",
              "There is a charge on my bill that I don't recognise.",
              "Could you explain how my invoice is calculated?")),
      new Reason("delivery-status", 14,
          List.of("Waar blijft mijn pakket? Het zou gisteren bezorgd worden.",
              "Mijn bestelling is nog steeds niet geleverd.",
              "De track en trace code doet niets, wanneer komt mijn pakket?"),
          List.of("Where is my parcel? It was supposed to arrive yesterday.",
              "My order still hasn't been delivered.",
              "The tracking link shows nothing, when will my package arrive?")),
      new Reason("payment-problem", 6,
          List.of("Mijn betaling is mislukt maar het geld is wel afgeschreven.",
              "Ik kan niet betalen met iDEAL, ik krijg een foutmelding."),
          List.of("My payment failed but the money was taken from my account.",
              "I can't pay by card, the payment keeps failing.")),
      new Reason("cancel-subscription", 9,
          List.of("Ik wil mijn abonnement opzeggen per volgende maand.",
              "Hoe kan ik mijn contract opzeggen?"),
          List.of("I want to cancel my subscription from next month.",
              "How do I cancel my contract?")),
      new Reason("moving-house", 7,
          List.of("Ik ga verhuizen en wil mijn aansluiting meenemen naar mijn nieuwe adres.",
              "Wij verhuizen volgende week, wat moet ik regelen?"),
          List.of("I am moving house next month, can I take my connection with me?",
              "We're moving to a new address, what do I need to do?")),
      new Reason("outage", 6,
          List.of("Ik heb sinds vanochtend geen internet, is er een storing?",
              "Er is een storing bij mij in de straat, de tv doet het ook niet."),
          List.of("I have had no internet since this morning, is there an outage?",
              "Is there a network outage in my area? Nothing works.")),
      new Reason("return-refund", 8,
          List.of("Ik heb mijn bestelling teruggestuurd maar nog geen geld terug ontvangen.",
              "Hoe kan ik dit product retourneren?"),
          List.of("I returned my order two weeks ago but haven't received my refund.",
              "How can I return this item for a refund?")),
      new Reason("login-problem", 8,
          List.of("Ik kan niet inloggen in de app, mijn wachtwoord wordt niet geaccepteerd.",
              "Ik ben mijn wachtwoord vergeten en de reset mail komt niet aan."),
          List.of("I can't log in to my account, it says my password is wrong.",
              "I forgot my password and the reset email never arrives.")),
      new Reason("change-of-details", 6,
          List.of("Ik wil mijn rekeningnummer wijzigen.",
              "Mijn e-mailadres is veranderd, kunt u dat aanpassen?"),
          List.of("I'd like to change my bank account details.",
              "I need to update my email address and phone number.")),
      new Reason("complaint", 5,
          List.of("Ik wil een klacht indienen over de monteur, die is niet komen opdagen.",
              "Ik ben erg ontevreden over hoe ik ben geholpen."),
          List.of("I want to make a complaint about the engineer who never showed up.",
              "I am very unhappy with the service I received.")),
      new Reason("callback-request", 4,
          List.of("Kunt u mij terugbellen? Ik heb nu geen tijd.",
              "Ik wil graag teruggebeld worden over mijn aanvraag."),
          List.of("Can you call me back later today please?",
              "Please give me a call back about my request.")),
      new Reason(null, 8,
          List.of("Hallo, ik heb een vraag over jullie duurzaamheidsbeleid.",
              "Goedemiddag, ik zag jullie reclame op tv en was benieuwd.",
              "Mag ik een compliment geven aan de medewerker van gisteren?"),
          List.of("Hello, I have a question about your sustainability policy.",
              "Hi, I saw your advert on TV and was curious.",
              "I just wanted to say thanks to the lady who helped me yesterday.")));

  /** The incident: a marketing e-mail with a broken payment link. */
  static final Reason INCIDENT = new Reason("payment-problem", 1,
      List.of("De betaallink in jullie mail van vanochtend werkt niet.",
          "Als ik op de betaallink in de e-mail klik krijg ik een foutmelding.",
          "Ik wil mijn factuur betalen maar de betaallink geeft een foutpagina.",
          "De link om te betalen in de mail doet het niet."),
      List.of("The payment link in your email this morning does not work.",
          "When I click the payment link in the email I get an error.",
          "I want to pay my bill but the pay now link in your email is broken.",
          "Your payment link gives me an error page."));

  static final List<String> AGENT_NL = List.of(
      "Dank voor uw bericht, ik kijk het direct voor u na.",
      "Vervelend om te horen. Mag ik uw klantnummer?",
      "Ik heb het aangepast, u ontvangt binnen een dag een bevestiging.");
  static final List<String> AGENT_EN = List.of(
      "Thanks for reaching out, let me look into that for you.",
      "Sorry to hear that. Could you give me your customer number?",
      "I've sorted that out, you'll get a confirmation within a day.");
  static final List<String> QUEUES = List.of("billing", "sales", "tech", "service");
}
