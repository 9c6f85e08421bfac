package nl.waarom.analyzer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/** Builds contacts for tests. */
public final class TestContacts {
  private TestContacts() {}

  /** A contact with one customer turn. */
  public static Contact customerSays(String id, Channel channel, Instant at, String text) {
    return contact(id, channel, at, List.of(turn(Speaker.CUSTOMER, text)));
  }

  public static Contact contact(String id, Channel channel, Instant at, List<Turn> turns) {
    return Contact.newBuilder()
        .setContactId(id)
        .setChannel(channel)
        .setCustomerKey("cust-" + id)
        .setOccurredAt(at)
        .setLanguage(null)
        .setTurns(new ArrayList<>(turns))
        .setTalkMillis(240_000L)
        .setWrapUpMillis(60_000L)
        .build();
  }

  public static Turn turn(Speaker speaker, String text) {
    return new Turn(speaker, text, 0L);
  }
}
