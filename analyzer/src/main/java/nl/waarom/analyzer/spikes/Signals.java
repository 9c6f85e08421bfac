package nl.waarom.analyzer.spikes;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.SignalKind;

/**
 * The things a spike can be explained by, as flat keys {@code KIND\tname\tvalue}: the contact's
 * terms ({@link ClassifiedContact#getTerms()}), channel, queue, IVR path and every attribute
 * key=value. Stateless.
 */
public final class Signals {
  private static final char SEP = '\t';

  private Signals() {}

  /** The distinct signal keys of one contact, metadata first. */
  public static List<String> keys(ClassifiedContact contact) {
    List<String> keys = new ArrayList<>();
    keys.add(key(SignalKind.CHANNEL, "channel", contact.getChannel().name()));
    if (contact.getQueue() != null && !contact.getQueue().isBlank()) {
      keys.add(key(SignalKind.QUEUE, "queue", contact.getQueue()));
    }
    if (contact.getIvrPath() != null && !contact.getIvrPath().isBlank()) {
      keys.add(key(SignalKind.IVR_PATH, "ivrPath", contact.getIvrPath()));
    }
    if (contact.getAttributes() != null) {
      new TreeMap<>(contact.getAttributes()).forEach((k, v) -> {
        if (v != null && !v.isBlank()) {
          keys.add(key(SignalKind.ATTRIBUTE, k.toString(), v.toString()));
        }
      });
    }
    for (CharSequence term : contact.getTerms()) {
      keys.add(key(SignalKind.TERM, "term", term.toString()));
    }
    return keys.stream().distinct().toList();
  }

  static String key(SignalKind kind, String name, String value) {
    return kind.name() + SEP + clean(name) + SEP + clean(value);
  }

  private static String clean(String s) {
    return s.replace(SEP, ' ');
  }

  /** The parts of a key: kind, name, value. */
  static String[] parts(String key) {
    String[] parts = key.split(String.valueOf(SEP), 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a signal key: " + key);
    }
    return parts;
  }
}
