package nl.waarom.analyzer.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Preventability;
import nl.waarom.taxonomy.Example;
import nl.waarom.taxonomy.LocalizedName;
import nl.waarom.taxonomy.Reason;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class SpecificityTest {
  private static final double N = 4;

  private static Reason reason(String id, List<String> rules, String... examples) {
    return new Reason(id, new LocalizedName(id, id), null, Preventability.PREVENT, "team", rules,
        java.util.Arrays.stream(examples).map(e -> new Example("en", e)).toList());
  }

  private static Specificity of(List<Reason> reasons) {
    RuleParser parser = new RuleParser(ContactAnalyzer.forRules(Language.EN));
    Map<String, List<Query>> rules = new HashMap<>();
    for (Reason r : reasons) {
      rules.put(r.id(), r.rules().stream().map(parser::parse).toList());
    }
    return new Specificity(reasons, rules,
        ContactAnalyzer.forContacts(Language.EN, CharArraySet.EMPTY_SET));
  }

  private static final List<Reason> REASONS = List.of(
      reason("smart-meter", List.of("\"smart meter\""), "my smart meter is blank"),
      reason("meter-reading", List.of("meter AND reading*"), "where do I send my meter reading"),
      reason("cancel", List.of("cancel* AND NOT order"), "I want to cancel my contract"),
      reason("renewal", List.of("renew*"), "my contract runs out, can I renew my contract"));

  @Test
  void aWordOneReasonUsesWeighsLnNAndEveryFurtherUserLowersIt() {
    Specificity s = of(REASONS);

    assertThat(s.weight("smart")).isCloseTo(Math.log(N), within(1e-9));
    assertThat(s.weight("meter")).isCloseTo(Math.log(N / 2), within(1e-9)); // two rules name it
    assertThat(s.weight("contract")).isCloseTo(Math.log(N / 2), within(1e-9)); // two examples
    assertThat(s.weight("my")).isCloseTo(0, within(1e-9)); // in every reason's examples
    assertThat(s.weight("never-seen")).isCloseTo(Math.log(N), within(1e-9));
  }

  @Test
  void aWildcardUsesTheWordsItMatchesButANegationUsesNothing() {
    Specificity s = of(REASONS);

    assertThat(s.ruleUses("meter-reading", "readings")).isTrue(); // reading* on the word
    assertThat(s.ruleUses("renewal", "renew")).isTrue();
    assertThat(s.ruleUses("cancel", "cancel")).isTrue();
    assertThat(s.ruleUses("cancel", "order")).isFalse(); // only in NOT
    assertThat(s.ruleUses("smart-meter", "reading")).isFalse();
    assertThat(s.users("cancel")).isEqualTo(1);
  }

  @Test
  void wordsTogetherWeighAsTheReasonsThatUseThemAll() {
    Specificity s = of(REASONS);

    assertThat(s.together(List.of("smart", "meter"))).isCloseTo(Math.log(N), within(1e-9));
    assertThat(s.together(List.of("my", "contract"))).isCloseTo(Math.log(N / 2), within(1e-9));
    assertThat(s.together(List.of("meter", "unheard"))).isCloseTo(Math.log(N), within(1e-9));
  }
}
