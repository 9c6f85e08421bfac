package nl.waarom.analyzer.corrections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.waarom.analyzer.classify.ReasonModels;
import nl.waarom.analyzer.classify.Verdicts;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.schemas.Correction;

/**
 * The editors' latest correction of every corrected contact, as read from the corrections topic.
 * A later correction of the same contact replaces the earlier one: records with the same key
 * (contactId) are in one partition, so every reader sees them in the same order, as compaction
 * would keep them. A tombstone (no value) withdraws the contact's correction.
 *
 * <p>Thread-safe: one reader thread adds, the stream threads ask for verdicts (a lock-free
 * {@link ConcurrentHashMap} read) and the learner takes {@link #examples} snapshots.
 */
public final class CorrectionBook implements Verdicts {
  private final Map<String, Correction> latest = new ConcurrentHashMap<>();
  private final AtomicLong revision = new AtomicLong();

  /**
   * Records a correction read from the topic; it replaces any earlier one of the contact.
   *
   * @return whether the book changed (false for a repeat of the contact's current correction)
   */
  public boolean add(Correction correction) {
    Correction before = latest.put(correction.getContactId(), correction);
    if (correction.equals(before)) {
      return false;
    }
    revision.incrementAndGet();
    return true;
  }

  /** Withdraws the contact's correction (a tombstone); returns whether there was one. */
  public boolean withdraw(String contactId) {
    if (latest.remove(contactId) == null) {
      return false;
    }
    revision.incrementAndGet();
    return true;
  }

  /** How many times the book changed; grows with every change, never shrinks. */
  public long revision() {
    return revision.get();
  }

  /** How many contacts have a correction. */
  public int size() {
    return latest.size();
  }

  @Override
  public Optional<Verdict> verdict(String contactId) {
    Correction c = contactId == null ? null : latest.get(contactId);
    return c == null ? Optional.empty() : Optional.of(new Verdict(c.getReasonId()));
  }

  /**
   * The corrections as labelled examples, ordered by contactId so that every instance trains on
   * the same list whatever order the partitions were read in. A correction to a reason of
   * {@code reasons} is an example of it; "none of these" is an example of
   * {@link ReasonModels#NONE_OF_THESE}. A correction to a reason not in {@code reasons} (a
   * reason of another taxonomy version), or without words, is skipped and counted.
   */
  public CorrectionExamples examples(Set<String> reasons) {
    List<LabeledText> examples = new ArrayList<>();
    int none = 0;
    int skipped = 0;
    for (Correction c : new TreeMap<>(latest).values()) {
      String reasonId = c.getReasonId();
      if (c.getText().isBlank() || (reasonId != null && !reasons.contains(reasonId))) {
        skipped++;
      } else if (reasonId == null) {
        examples.add(new LabeledText(c.getText(), ReasonModels.NONE_OF_THESE));
        none++;
      } else {
        examples.add(new LabeledText(c.getText(), reasonId));
      }
    }
    return new CorrectionExamples(examples, none, skipped);
  }
}
