package nl.waarom.analyzer.spikes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The contacts of one CUSUM run of a reason: the minutes from the first minute in which the
 * statistic rose above 0 up to the current one. If the run fires, these are the spike's contacts
 * (count, handle time, channels, signal counts for the explanation, example candidates); if it
 * ends without firing, its signal counts join the reason's background. Mutable, not thread-safe;
 * part of {@link SpikeState}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class SpikeEpisode {
  /** Example candidates kept; the insight shows the ones that carry its strongest signal. */
  static final int MAX_EXAMPLES = 12;
  /** Distinct signal keys counted per episode (Space-Saving beyond that). */
  static final int MAX_SIGNALS = 1000;

  private long startMinute;
  private long count;
  private double expectedClosed;
  private boolean fired;
  private long handleMillisTotal;
  private long handleCount;
  private TreeSet<String> channels = new TreeSet<>();
  private SignalCounts signals = new SignalCounts(MAX_SIGNALS, 0);
  private List<Example> examples = new ArrayList<>();

  /** For JSON. */
  SpikeEpisode() {}

  SpikeEpisode(long startMinute) {
    this.startMinute = startMinute;
  }

  void add(Observation o) {
    count++;
    if (o.handleMillis() != null) {
      handleMillisTotal += o.handleMillis();
      handleCount++;
    }
    channels.add(o.channel());
    signals.add(o.keys(), o.atMillis());
    if (examples.size() < MAX_EXAMPLES) {
      examples.add(new Example(o.contactId(), o.snippet(), o.keys()));
    }
  }

  void addExpected(double mu) {
    expectedClosed += mu;
  }

  void fire() {
    fired = true;
  }

  /** First minute of the run, epoch minutes. */
  public long startMinute() {
    return startMinute;
  }

  /** Contacts in the run so far (late ones included). */
  public long count() {
    return count;
  }

  /** Sum of the expected counts of the run's closed minutes. */
  public double expectedClosed() {
    return expectedClosed;
  }

  public boolean fired() {
    return fired;
  }

  /** Channel names seen, sorted; do not modify. */
  public TreeSet<String> channels() {
    return channels;
  }

  /** Signal counts of the run's contacts (not decayed). */
  public SignalCounts signals() {
    return signals;
  }

  /** The first {@link #MAX_EXAMPLES} contacts of the run. */
  public List<Example> examples() {
    return examples;
  }

  /** Mean handle time in minutes; null when no contact had one. */
  public Double avgHandleMinutes() {
    return handleCount == 0 ? null : handleMillisTotal / (double) handleCount / 60_000.0;
  }

  /**
   * An example candidate.
   *
   * @param contactId never null
   * @param snippet redacted excerpt; may be null
   * @param keys its signal keys; never null
   */
  public record Example(String contactId, String snippet, List<String> keys) {
    public Example {
      keys = keys == null ? List.of() : List.copyOf(keys);
    }
  }
}
