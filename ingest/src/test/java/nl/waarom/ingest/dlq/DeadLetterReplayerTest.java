package nl.waarom.ingest.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.dlq.ReplayOutcome.Status;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Topics;
import org.junit.jupiter.api.Test;

/** Routing of dead letters, as a dry run (no broker: nothing is produced). */
class DeadLetterReplayerTest {
  private static final Topics TOPICS = Topics.withPrefix("t.");
  private final DeadLetterReplayer replayer = new DeadLetterReplayer(
      new ContactJson(new Pseudonymizer("s"), new Redactor()), null, TOPICS, Duration.ofSeconds(1));

  private static DeadLetterEntry entry(long offset, DeadLetter.Builder letter) {
    return new DeadLetterEntry(0, offset, letter.setError("e").setFailedAt(Instant.EPOCH).build());
  }

  private static DeadLetter.Builder letter(String source, String value) {
    return DeadLetter.newBuilder().setSource(source)
        .setValue(value == null ? null : ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyLetterGoesBackItsOwnWayOrStaysDeadWithTheReason() {
    String contact = "{\"contactId\": \"c1\", \"channel\": \"CALL\", \"occurredAt\": "
        + "\"2025-11-24T10:00:00Z\", \"turns\": [{\"speaker\": \"CUSTOMER\", \"text\": \"hoi\"}]}";
    List<ReplayOutcome> outcomes = replayer.replay(List.of(
        entry(0, letter("analyzer", "x").setTopic("t.contacts.chat")),
        entry(1, letter("analyzer", "x").setTopic("other.contacts.chat")),
        entry(2, letter("replay", contact)),
        entry(3, letter("connect:spool", "not json")),
        entry(4, letter("gateway:freshdesk", "{}")),
        entry(5, letter("gateway:intercom", "{\"type\": \"notification_event\", \"topic\": "
            + "\"ping\", \"created_at\": 1764000000}")),
        entry(6, letter("connect:imap", null).setRequest("INBOX/17"))), true);

    assertThat(outcomes).extracting(ReplayOutcome::status).containsExactly(Status.REPLAYED,
        Status.STILL_DEAD, Status.REPLAYED, Status.STILL_DEAD, Status.STILL_DEAD, Status.IGNORED,
        Status.STILL_DEAD);
    assertThat(outcomes).extracting(ReplayOutcome::detail).containsExactly("t.contacts.chat",
        "topic other.contacts.chat is not a topic of this installation (prefix t.)",
        "t.contacts.call", outcomes.get(3).detail(), "source: no webhook adapter for "
            + "gateway:freshdesk", "nothing to produce",
        "value: no original bytes were kept (request INBOX/17)");
    assertThat(outcomes.get(3).detail()).startsWith("body: not valid JSON");
  }
}
