package nl.waarom.ingest.privacy;

import java.util.List;
import java.util.Set;

/**
 * The words {@link NameFinder} reads around a name: the cues that announce one and the words
 * that look like names but are not. Lower case; a declarative catalogue, so it may grow.
 */
final class NameWords {
  /** Forms of address and introductions: whatever capitalised follows is a name. */
  static final Set<String> STRONG_CUES = Set.of("meneer", "mevrouw", "mevr", "mw", "dhr",
      "de heer", "heer", "mr", "mrs", "ms", "miss", "dr", "drs", "ir", "ing", "prof",
      "mijn naam is", "my name is", "my name's", "mijn naam", "ik heet", "naam", "name",
      "spreekt met", "spreek ik met", "speaking with", "spreek met", "op naam van", "namens",
      "dear", "geachte", "mevrouw/meneer", "meneer/mevrouw");
  /** Closings of a letter: the capitalised words on the next line are a name. */
  static final Set<String> CLOSING_CUES = Set.of("met vriendelijke groet",
      "met vriendelijke groeten", "vriendelijke groet", "vriendelijke groeten",
      "hartelijke groet", "hartelijke groeten", "met groet", "groet", "groeten", "groetjes", "mvg",
      "vr.gr", "vr. gr", "vr gr", "bij voorbaat dank", "alvast bedankt", "kind regards",
      "best regards", "warm regards", "regards", "many thanks", "thanks", "thank you", "cheers",
      "best", "sincerely", "yours sincerely", "yours", "love");
  /** Greetings, introductions, relations and roles: a known name that follows is a name. */
  static final Set<String> WEAK_CUES = Set.of("hoi", "hallo", "hello", "hi", "hey", "dag",
      "beste", "goedemorgen", "goedemiddag", "goedenavond", "goedendag", "morning", "afternoon",
      "evening", "bedankt", "dank je wel", "dank je", "dank u wel", "dank u", "thanks",
      "thank you", "cheers", "groetjes", "groeten", "groet", "mvg", "regards", "ik ben", "i'm",
      "i am", "dit is", "this is", "it's", "it is", "met", "collega", "colleague",
      "monteur", "engineer", "zoon", "dochter", "man", "vrouw", "vader", "moeder", "wife",
      "husband", "son", "daughter", "father", "mother", "vriend", "vriendin", "friend",
      "schoonvader", "schoonmoeder", "kleinzoon", "kleindochter", "opa", "oma", "broer", "zus",
      "brother", "sister", "partner", "buurman", "buurvrouw", "gesproken met", "spoke to",
      "spoke with", "spoken to", "spoken with", "talked to", "contact met", "bij");
  static final Set<String> TITLES = Set.of("meneer", "mevrouw", "mevr", "mw", "dhr",
      "heer", "mr", "mrs", "ms", "miss", "dr", "drs", "ir", "ing", "prof", "sir");
  /** Capitalised words that start no name, however they are cued. */
  static final Set<String> NEVER = Set.copyOf(List.of("team", "klantenservice", "klant", "klanten",
      "customer", "customers", "service", "support", "sir", "madam", "heer", "mevrouw", "meneer",
      "allen", "all", "iedereen", "everyone", "collega", "collega's", "afdeling", "de", "het",
      "een", "the", "ik", "je", "u", "wij", "we", "jullie", "you", "i", "verstuurd", "sent",
      "waarom", "ja", "nee", "yes", "no", "ok", "oke", "oké", "goedemorgen", "goedemiddag",
      "goedenavond", "hallo", "hoi", "hi", "hello", "dag", "bedankt", "thanks", "dank", "mijn",
      "my", "uw", "your", "onze", "our", "klantnummer", "ordernummer", "factuur", "bestelling",
      "order", "invoice", "ticket", "monteur", "sorry", "excuses", "graag", "please", "welkom",
      "welcome", "prima", "fijn", "great", "good", "goed", "super", "top", "nog", "ook", "i'd",
      "i'm", "i'll", "i've", "it's", "we're", "you're", "that's", "there's", "let's",
      // function words that start sentences and happen to be in the first-name lists
      "in", "on", "at", "as", "is", "it", "if", "so", "or", "and", "but", "can", "could", "how",
      "what", "when", "where", "why", "who", "which", "just", "last", "both", "all", "any",
      "some", "this", "that", "these", "those", "there", "here", "then", "than", "also", "still",
      "only", "even", "again", "please", "kindly", "maybe", "perhaps", "today", "tomorrow",
      "yesterday", "now", "after", "before", "since", "until", "while", "because", "about",
      "per", "via", "dear", "wish", "shall", "should", "would", "must",
      "did", "does", "do", "was", "were", "are", "am", "be", "been", "has", "have", "had",
      "not", "never", "ever", "new", "old", "first", "next", "other", "another", "same",
      "pin", "card", "cash", "bank", "money", "transfer", "top", "fee", "rate", "charge",
      "kan", "kunt", "hoe", "wat", "wanneer", "waar", "wie", "welke", "ook", "nog", "al", "dus",
      "maar", "want", "omdat", "als", "toen", "dan", "daarna", "vandaag", "morgen", "gisteren",
      "vorige", "volgende", "laatste", "eerste", "nieuwe", "oude", "is", "was", "heb", "hebt",
      "heeft", "bent", "zijn", "wil", "wilt", "wordt", "werd", "moet", "mag", "zou",
      "zal", "graag", "alvast", "helaas", "inmiddels", "sinds", "tot", "na", "voor"));
  /** Brands, months, days and other words that are also in the name lists. */
  static final Set<String> NOT_ALONE = Set.of("january", "february", "march", "april",
      "may", "june", "july", "august", "september", "october", "november", "december",
      "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "maandag", "dinsdag",
      "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "christmas", "kerst", "pasen",
      "easter", "will", "bill", "sun", "van", "best", "buy", "visa", "mastercard", "paypal",
      "ideal", "klarna", "ziggo", "kpn", "vodafone", "tesla", "ford", "philips", "bosch", "dyson",
      "jumbo", "lidl", "hema", "netflix", "marktplaats", "bol", "postnl", "dhl", "samsung",
      "apple", "google", "android", "iphone", "huawei", "nintendo", "switch", "premium", "pro",
      "max", "plus", "basic", "sim", "only", "white", "color", "galaxy", "albert", "heijn",
      "jordan", "victoria", "god", "amazon", "ing", "rabo", "bunq", "casema", "vondelpark",
      "rijksmuseum", "bakker", "hof", "dorp", "markt", "kerk", "vries", "jong", "haag");
  /** Shops and brands made of a first name and a surname. */
  static final Set<String> NOT_NAMES = Set.of("albert heijn", "best buy", "marks & spencer",
      "tommy hilfiger", "calvin klein", "ralph lauren", "hugo boss");
  static final Set<String> PLACE_WORDS = Set.of("in", "naar", "uit", "vanuit", "to",
      "from", "at", "near", "via", "nabij", "richting", "rond", "around", "into");
  static final Set<String> AND = Set.of("and", "en", "&");

  private NameWords() {}
}
