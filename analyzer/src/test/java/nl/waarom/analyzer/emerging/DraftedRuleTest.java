package nl.waarom.analyzer.emerging;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ContactAnalyzer;
import nl.waarom.analyzer.classify.ContactTerms;
import nl.waarom.analyzer.classify.Language;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.analyzer.classify.ReasonScore;
import nl.waarom.taxonomy.LocalizedName;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Preventability;
import org.junit.jupiter.api.Test;

/** Drafted rules are rules of the taxonomy: they parse and match through the real classifier. */
class DraftedRuleTest {
  private static final String REASON = "drafted";

  /** The texts (each a customer's chat) that a taxonomy with only this rule classifies as it. */
  static List<String> matching(String rule, List<String> texts) {
    for (Language language : Language.values()) {
      new RuleParser(ContactAnalyzer.forRules(language)).parse(rule); // throws when it does not
    }
    Taxonomy taxonomy = new Taxonomy("test", List.of(new Reason(REASON,
        new LocalizedName("Opgesteld", "Drafted"), Preventability.UNKNOWN, "team", List.of(rule),
        List.of())));
    List<String> matched = new ArrayList<>();
    try (Classifier classifier = new Classifier(taxonomy)) {
      for (int i = 0; i < texts.size(); i++) {
        boolean hit = classifier.classify(customerSays("t" + i, Channel.CHAT, Instant.EPOCH,
            texts.get(i))).reasons().stream().map(ReasonScore::reasonId)
            .anyMatch(REASON::equals);
        if (hit) {
          matched.add(texts.get(i));
        }
      }
    }
    return matched;
  }

  private static ScoredTerm term(String term, int... contacts) {
    BitSet set = new BitSet();
    for (int c : contacts) {
      set.set(c);
    }
    return new ScoredTerm(term, contacts.length, 0.1, 0.0, 50.0, set);
  }

  @Test
  void anchorAndQualifierWhenAGenericWordCoversTheCandidate() {
    // contacts 0-3 English, 4-7 Dutch; 8-9 chatter that also says "update"
    List<ScoredTerm> terms = List.of(
        term("app update", 0, 1, 2, 4, 5),
        term("settings", 0, 1, 2, 3),
        term("instellingen", 4, 5, 6, 7),
        term("update", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    BitSet target = new BitSet();
    target.set(0, 8);

    DraftedRule rule = RuleDrafter.draft(terms, target);

    assertThat(rule.toString())
        .isEqualTo("customer:update AND customer:(settings OR instellingen)");
    BitSet expected = new BitSet();
    expected.set(0, 8);
    assertThat(rule.caught(terms)).isEqualTo(expected);
    assertThat(rule.matches(Set.of("update", "settings"))).isTrue();
    assertThat(rule.matches(Set.of("update", "request"))).isFalse();
    assertThat(matching(rule.toString(), List.of(
        "App update deletes my settings",
        "na de update zijn mijn instellingen weg",
        "the updates reset all my settings",
        "any update on my request",
        "mijn instellingen kloppen niet"))).containsExactly(
        "App update deletes my settings",
        "na de update zijn mijn instellingen weg",
        "the updates reset all my settings");
  }

  @Test
  void phrasesBecomeProximitiesAndOddWordsAreQuoted() {
    DraftedRule rule = new DraftedRule(List.of(List.of("deletes settings", "e-mail", "and"),
        List.of("o'neill")));

    assertThat(rule.toString()).isEqualTo(
        "customer:(\"deletes settings\"~3 OR \"e-mail\" OR \"and\") AND customer:\"o'neill\"");
    assertThat(matching(rule.toString(), List.of(
        "o'neill: the app deletes all my settings",
        "o'neill here, my e-mail is gone",
        "o'neill and friends",
        "settings are fine but then the app deletes photos, o'neill"))).containsExactly(
        "o'neill: the app deletes all my settings",
        "o'neill here, my e-mail is gone",
        "o'neill and friends");
  }

  @Test
  void ruleMatchingOnTermsAgreesWithContactTerms() {
    DraftedRule rule = new DraftedRule(List.of(List.of("app update"),
        List.of("settings", "instellingen")));
    List<String> texts = List.of("app update deletes my settings",
        "na de app update zijn mijn instellingen weg", "app settings", "update my settings");

    List<String> byTerms = texts.stream()
        .filter(t -> rule.matches(Set.copyOf(ContactTerms.of(List.of(t))))).toList();

    assertThat(byTerms).containsExactly(texts.get(0), texts.get(1));
    assertThat(matching(rule.toString(), texts)).isEqualTo(byTerms);
  }
}
