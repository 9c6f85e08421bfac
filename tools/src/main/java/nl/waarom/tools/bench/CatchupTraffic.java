package nl.waarom.tools.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.tools.bench.InsightScenario.Planned;

/**
 * The contacts of a catch-up run, rendered once so the reference and the broker get the very
 * same bytes: each as Avro on its channel's topic, key contactId, record timestamp the time it
 * arrives (what the gateway's producer would stamp; later than occurredAt for late emails),
 * in the scenario's arrival order (late emails late).
 */
final class CatchupTraffic {
  /** One record to publish. */
  record Arrival(String topic, String key, Instant timestamp, byte[] value) {}

  private final List<Arrival> arrivals;
  private final Instant first;
  private final Instant last;

  private CatchupTraffic(List<Arrival> arrivals, Instant first, Instant last) {
    this.arrivals = arrivals;
    this.first = first;
    this.last = last;
  }

  /** The planned contacts of {@code scenario} that {@code kept} accepts, in arrival order. */
  static CatchupTraffic of(InsightScenario scenario, Predicate<Planned> kept, Topics topics) {
    List<Arrival> arrivals = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    for (Planned plan : scenario.arrivals()) {
      if (!kept.test(plan)) {
        continue;
      }
      Topic<String, Contact> topic = topics.contactsFor(plan.channel());
      arrivals.add(new Arrival(topic.name(), plan.contactId(), plan.arrivesAt(),
          topic.valueSerde().serializer().serialize(topic.name(), scenario.contact(plan))));
      first = first == null || plan.occurredAt().isBefore(first) ? plan.occurredAt() : first;
      last = last == null || plan.occurredAt().isAfter(last) ? plan.occurredAt() : last;
    }
    return new CatchupTraffic(List.copyOf(arrivals), first, last);
  }

  /** In arrival order; unmodifiable. */
  List<Arrival> arrivals() {
    return arrivals;
  }

  int size() {
    return arrivals.size();
  }

  /** The earliest event time; null when empty. */
  Instant first() {
    return first;
  }

  /** The latest event time; null when empty. */
  Instant last() {
    return last;
  }
}
