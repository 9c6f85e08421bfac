package nl.waarom.ingest.connect.spool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.waarom.schemas.Speaker;

/**
 * Maps the speaker labels of a transcript ("Agent", "Klant", "Agent Petra") to a {@link Speaker}.
 * A label matches when it equals a configured label or starts with one followed by a space,
 * ignoring case, so "Agent Petra" is an agent when "agent" is configured. Immutable.
 */
public final class SpeakerLabels {
  private record Entry(String label, Speaker speaker) {}

  private final List<Entry> entries = new ArrayList<>();

  public SpeakerLabels(List<String> agent, List<String> customer, List<String> bot) {
    agent.forEach(l -> add(l, Speaker.AGENT));
    customer.forEach(l -> add(l, Speaker.CUSTOMER));
    bot.forEach(l -> add(l, Speaker.BOT));
    // longest first, so "virtual agent" (bot) wins over "agent"
    entries.sort((a, b) -> b.label().length() - a.label().length());
  }

  private void add(String label, Speaker speaker) {
    if (!label.isBlank()) {
      entries.add(new Entry(label.strip().toLowerCase(Locale.ROOT), speaker));
    }
  }

  /** The speaker of a label; null when no configured label matches. */
  public Speaker of(String label) {
    if (label == null) {
      return null;
    }
    String l = label.strip().toLowerCase(Locale.ROOT);
    for (Entry e : entries) {
      if (l.equals(e.label()) || l.startsWith(e.label() + " ")) {
        return e.speaker();
      }
    }
    return null;
  }
}
