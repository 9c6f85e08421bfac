package nl.waarom.analyzer.repeats.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.waarom.analyzer.repeats.RepeatOptions;
import nl.waarom.analyzer.streams.JsonSerde;
import nl.waarom.analyzer.repeats.rule.LedgerEntry.Outcome;
import nl.waarom.analyzer.repeats.rule.LedgerEntry.Ref;
import org.junit.jupiter.api.Test;

/** The repeat rule on one customer's ledger, without Kafka. */
public class CustomerLedgerTest {
  static final long MIN = 60_000;
  static final long HOUR = 60 * MIN;
  static final long DAY = 24 * HOUR;
  public static final RepeatOptions OPTIONS = new RepeatOptions(Duration.ofDays(7),
      Duration.ofMinutes(15), Duration.ofDays(2), Duration.ofHours(24), 0.25, 10, 3.0, 1.25, 14,
      3, 1.0);

  private CustomerLedger ledger = CustomerLedger.empty();

  private LedgerEntry add(String id, String primary, List<String> secondaries, long at,
      String channel) {
    LedgerEntry entry = ledger.judge(id, primary, secondaries, at, channel, OPTIONS.rule());
    ledger = ledger.with(entry);
    return entry;
  }

  private LedgerEntry add(String id, String primary, long at, String channel) {
    return add(id, primary, List.of(), at, channel);
  }

  @Test
  void aChainIsAttributedToItsFirstContactEvenBeyondOneWindow() {
    LedgerEntry a = add("a", "billing", 0, "CHAT");
    LedgerEntry b = add("b", "billing", 5 * DAY, "CALL");
    LedgerEntry c = add("c", "billing", 10 * DAY, "EMAIL"); // 10 days after a, 5 after b

    assertThat(a.outcome()).isEqualTo(Outcome.FIRST);
    assertThat(b.outcome()).isEqualTo(Outcome.REPEAT);
    assertThat(b.repeatOf()).isEqualTo(new Ref("a", 0, "CHAT"));
    assertThat(c.outcome()).isEqualTo(Outcome.REPEAT);
    assertThat(c.repeatOf()).isEqualTo(new Ref("a", 0, "CHAT"));
  }

  @Test
  void theNewPrimaryReasonMayBeAnyReasonOfTheEarlierContact() {
    add("a", "billing", List.of("moving-house"), 0, "CHAT");
    LedgerEntry secondary = add("b", "moving-house", 2 * DAY, "CALL");
    LedgerEntry other = add("c", "outage", 3 * DAY, "CALL");
    // only the new contact's primary reason counts: its secondary reasons do not make a repeat
    LedgerEntry onlySecondary = add("d", "delivery-status", List.of("outage-x"), 4 * DAY, "CALL");

    assertThat(secondary.outcome()).isEqualTo(Outcome.REPEAT);
    assertThat(secondary.repeatOf().contactId()).isEqualTo("a");
    assertThat(other.outcome()).isEqualTo(Outcome.FIRST);
    assertThat(onlySecondary.outcome()).isEqualTo(Outcome.FIRST);
  }

  @Test
  void transfersAreNotRepeatsAndChainsOfTransfersStayOneConversation() {
    add("a", "billing", 0, "CALL");
    LedgerEntry t1 = add("t1", "billing", 10 * MIN, "CALL");
    LedgerEntry t2 = add("t2", "billing", 24 * MIN, "CALL"); // 14 min after t1, 24 after a
    LedgerEntry back = add("back", "billing", 2 * DAY, "CHAT");

    assertThat(t1.outcome()).isEqualTo(Outcome.TRANSFER);
    assertThat(t2.outcome()).isEqualTo(Outcome.TRANSFER);
    assertThat(t2.repeatOf()).isNull();
    assertThat(back.repeatOf().contactId()).isEqualTo("a");
  }

  @Test
  void exactlyAtTheLimitsTheRulesStillHold() {
    add("a", "billing", 0, "CALL");
    LedgerEntry atGap = add("gap", "billing", 15 * MIN, "CALL");
    LedgerEntry justAfterGap = add("after", "billing", 30 * MIN + 1, "CALL");
    assertThat(atGap.outcome()).isEqualTo(Outcome.TRANSFER);
    assertThat(justAfterGap.outcome()).isEqualTo(Outcome.REPEAT);

    ledger = CustomerLedger.empty();
    add("x", "billing", 0, "CALL");
    assertThat(add("y", "billing", 7 * DAY, "CALL").outcome()).isEqualTo(Outcome.REPEAT);
    ledger = CustomerLedger.empty();
    add("x", "billing", 0, "CALL");
    assertThat(add("y", "billing", 7 * DAY + 1, "CALL").outcome()).isEqualTo(Outcome.FIRST);
  }

  @Test
  void unexplainedContactsAreNeverRepeatsButStartTheTransferGap() {
    add("a", "billing", 0, "CALL");
    LedgerEntry unexplained = add("u", null, DAY, "CALL");
    LedgerEntry transfer = add("t", "billing", DAY + 5 * MIN, "CALL");

    assertThat(unexplained.outcome()).isEqualTo(Outcome.UNEXPLAINED);
    assertThat(transfer.outcome()).isEqualTo(Outcome.TRANSFER);
  }

  @Test
  void aLateContactIsJudgedByWhatCameBeforeItAndLaterDecisionsStay() {
    LedgerEntry b = add("b", "billing", 3 * DAY, "CHAT");
    LedgerEntry lateA = add("a", "billing", DAY, "EMAIL"); // arrives after b, occurred before it
    LedgerEntry c = add("c", "billing", 4 * DAY, "CALL");

    assertThat(b.outcome()).isEqualTo(Outcome.FIRST);
    assertThat(lateA.outcome()).isEqualTo(Outcome.FIRST); // b is after it: not looked at
    assertThat(ledger.find("b")).contains(b); // not rewritten
    // c matches both chains; the chain that started first (the late a) wins
    assertThat(c.repeatOf()).isEqualTo(new Ref("a", DAY, "EMAIL"));
  }

  @Test
  void pruningKeepsOnlyEntriesFromTheHorizon() {
    add("a", "billing", 0, "CHAT");
    add("b", "outage", 3 * DAY, "CHAT");
    CustomerLedger pruned = ledger.from(DAY);
    assertThat(pruned.entries()).extracting(LedgerEntry::contactId).containsExactly("b");
    assertThat(ledger.from(0)).isSameAs(ledger);
  }

  @Test
  void ledgerSurvivesTheChangelogSerde() {
    add("a", "billing", List.of("moving-house"), 0, "CHAT");
    add("b", "billing", DAY, "CALL");
    add("u", null, 2 * DAY, "EMAIL");
    JsonSerde<CustomerLedger> serde = new JsonSerde<>(CustomerLedger.class);

    CustomerLedger back = serde.deserializer().deserialize("t",
        serde.serializer().serialize("t", ledger));

    assertThat(back).isEqualTo(ledger);
  }
}
