package nl.waarom.ingest.contact;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern TURN_FIELD = Pattern.compile("turns\\[(\\d+)]\\.(\\w+)");
  private static final String SECRET = "test-secret";
  private static final String CUST_42_KEY = new Pseudonymizer(SECRET).keyFor("cust-42");

  private final ContactJson json = new ContactJson(new Pseudonymizer(SECRET), new Redactor());

  /** A complete, valid email contact with personal data in subject and turns. */
  static ObjectNode fullContact() {
    try {
      return (ObjectNode) MAPPER.readTree("""
          {"contactId": "email-1", "channel": "email", "occurredAt": "2026-11-24T11:15:30.123+01:00",
           "customerId": "cust-42", "language": "NL", "subject": "Factuur voor jan@example.nl",
           "turns": [
             {"speaker": "CUSTOMER", "text": "Bel me op 06-12345678 over order 123456"},
             {"speaker": "agent", "text": "Uw IBAN NL91ABNA0417164300 is genoteerd", "offsetMillis": 60000}
           ],
           "ivrMillis": 1, "queueMillis": 2, "talkMillis": 3, "wrapUpMillis": 4,
           "queue": "billing", "ivrPath": "2>1", "callbackRequested": true,
           "attributes": {"campaign": "nov-mail"}}
          """);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Contact expectedFullContact() {
    return Contact.newBuilder()
        .setContactId("email-1").setChannel(Channel.EMAIL)
        .setOccurredAt(Instant.parse("2026-11-24T10:15:30.123Z"))
        .setCustomerKey(CUST_42_KEY).setLanguage("nl").setSubject("Factuur voor [EMAIL]")
        .setTurns(List.of(
            new Turn(Speaker.CUSTOMER, "Bel me op [PHONE] over order 123456", 0L),
            new Turn(Speaker.AGENT, "Uw IBAN [IBAN] is genoteerd", 60_000L)))
        .setIvrMillis(1L).setQueueMillis(2L).setTalkMillis(3L).setWrapUpMillis(4L)
        .setQueue("billing").setIvrPath("2>1").setCallbackRequested(true)
        .setAttributes(Map.of("campaign", "nov-mail"))
        .build();
  }

  private static byte[] bytes(Object node) {
    return node.toString().getBytes(UTF_8);
  }

  @Test
  void readsACompleteContactWithPrivacyApplied() {
    Validated<List<Contact>> result = json.readBody(bytes(fullContact()), 10);
    assertThat(result.errors()).isEmpty();
    assertThat(result.value()).containsExactly(expectedFullContact());
    assertThat(result.value().get(0).toString()).doesNotContain("cust-42", "jan@example.nl",
        "06-12345678", "NL91ABNA0417164300");
  }

  @Test
  void readsAMinimalContactWithDefaults() {
    Validated<Contact> result = json.readLine("""
        {"contactId":"c-1","channel":"CHAT","occurredAt":"2026-11-24T10:15:30Z",
         "turns":[{"speaker":"customer","text":"hallo"}],"language":null}""".getBytes(UTF_8));
    assertThat(result.value()).isEqualTo(Contact.newBuilder()
        .setContactId("c-1").setChannel(Channel.CHAT)
        .setOccurredAt(Instant.parse("2026-11-24T10:15:30Z"))
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, "hallo", 0L)))
        .build());
    assertThat(result.value().getCustomerKey()).isNull();
    assertThat(result.value().getCallbackRequested()).isFalse();
    assertThat(result.value().getAttributes()).isEmpty();
  }

  @Test
  void readsAnArrayInOrder() {
    ArrayNode array = MAPPER.createArrayNode();
    array.add(fullContact());
    array.add(fullContact().put("contactId", "call-2").put("channel", "CALL"));
    Validated<List<Contact>> result = json.readBody(bytes(array), 10);
    assertThat(result.value()).extracting(Contact::getContactId, Contact::getChannel)
        .containsExactly(tuple("email-1", Channel.EMAIL),
            tuple("call-2", Channel.CALL));
  }

  @Test
  void pseudonymIsDeterministicAndCustomerIdWinsOverCustomerKey() {
    Contact first = json.readBody(bytes(fullContact()), 1).value().get(0);
    Contact again = new ContactJson(new Pseudonymizer(SECRET), new Redactor())
        .readBody(bytes(fullContact().put("channel", "CHAT").put("customerKey", "ignored")), 1)
        .value().get(0);
    Contact otherSecret = new ContactJson(new Pseudonymizer("other"), new Redactor())
        .readBody(bytes(fullContact()), 1).value().get(0);
    assertThat(first.getCustomerKey()).isEqualTo(CUST_42_KEY).matches("[0-9a-f]{64}");
    assertThat(again.getCustomerKey()).isEqualTo(CUST_42_KEY);
    assertThat(otherSecret.getCustomerKey()).isNotEqualTo(CUST_42_KEY);
  }

  @Test
  void givenCustomerKeyIsKeptWhenThereIsNoCustomerId() {
    ObjectNode node = fullContact();
    node.remove("customerId");
    node.put("customerKey", "already-pseudonymous");
    assertThat(json.readBody(bytes(node), 1).value().get(0).getCustomerKey())
        .isEqualTo("already-pseudonymous");
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}: {3}")
  @CsvSource(delimiter = '|', nullValues = "ABSENT", value = {
      "contactId         | ABSENT         | contactId         | is required",
      "contactId         | null           | contactId         | is required",
      "contactId         | '\"  \"'       | contactId         | must not be blank",
      "contactId         | 42             | contactId         | must be a string",
      "channel           | ABSENT         | channel           | is required (one of CHAT, CALL, EMAIL)",
      "channel           | '\"FAX\"'      | channel           | must be one of CHAT, CALL, EMAIL",
      "channel           | '\"OTHER\"'    | channel           | must be one of CHAT, CALL, EMAIL",
      "occurredAt        | ABSENT         | occurredAt        | is required",
      "occurredAt        | '\"yesterday\"'| occurredAt        | must be an ISO-8601 instant with offset, e.g. 2026-11-24T10:15:30Z",
      "occurredAt        | '\"2026-11-24T10:15:30\"' | occurredAt | must be an ISO-8601 instant with offset, e.g. 2026-11-24T10:15:30Z",
      "occurredAt        | 1764000000000  | occurredAt        | must be an ISO-8601 instant with offset, e.g. 2026-11-24T10:15:30Z",
      "occurredAt        | '\"2999-01-01T00:00:00Z\"' | occurredAt | is more than 30 minutes in the future: 2999-01-01T00:00:00Z (check the sender's clock)",
      "customerId        | '\"\"'         | customerId        | must not be blank",
      "customerKey       | '\" \"'        | customerKey       | must not be blank",
      "language          | '\"nld\"'      | language          | must be a 2-letter ISO 639-1 code such as nl or en",
      "language          | '\"n1\"'       | language          | must be a 2-letter ISO 639-1 code such as nl or en",
      "subject           | '[]'           | subject           | must be a string",
      "turns             | ABSENT         | turns             | must be an array of 1..500 turns",
      "turns             | '[]'           | turns             | must be an array of 1..500 turns",
      "turns             | '\"hallo\"'    | turns             | must be an array of 1..500 turns",
      "turns[1].speaker  | '\"CLIENT\"'   | turns[1].speaker  | must be one of CUSTOMER, AGENT, BOT, SYSTEM",
      "turns[1].speaker  | ABSENT         | turns[1].speaker  | is required (one of CUSTOMER, AGENT, BOT, SYSTEM)",
      "turns[0].text     | ABSENT         | turns[0].text     | is required",
      "turns[0].text     | '\" \"'        | turns[0].text     | must not be blank",
      "turns[0].offsetMillis | -1         | turns[0].offsetMillis | must be a whole number >= 0",
      "turns[0].offsetMillis | 1.5        | turns[0].offsetMillis | must be a whole number >= 0",
      "turns[1].tone     | '\"angry\"'    | turns[1].tone     | unknown field",
      "ivrMillis         | -1             | ivrMillis         | must be a whole number >= 0",
      "queueMillis       | '\"10\"'       | queueMillis       | must be a whole number >= 0",
      "talkMillis        | 2.5            | talkMillis        | must be a whole number >= 0",
      "wrapUpMillis      | 99999999999999999999 | wrapUpMillis | must be a whole number >= 0",
      "queue             | 7              | queue             | must be a string",
      "ivrPath           | true           | ivrPath           | must be a string",
      "callbackRequested | '\"yes\"'      | callbackRequested | must be true or false",
      "attributes        | '[]'           | attributes        | must be an object of string values",
      "attributes        | '{\"a\":1}'    | attributes.a      | must be a string",
      "contactID         | '\"x\"'        | contactID         | unknown field",
  })
  void eachRuleNamesItsField(String target, String rawValue, String field, String message)
      throws Exception {
    ObjectNode node = fullContact();
    Matcher turn = TURN_FIELD.matcher(target);
    ObjectNode owner = turn.matches()
        ? (ObjectNode) node.withArray("turns").get(Integer.parseInt(turn.group(1))) : node;
    String name = turn.matches() ? turn.group(2) : target;
    if (rawValue == null) {
      owner.remove(name);
    } else {
      owner.set(name, MAPPER.readTree(rawValue));
    }
    assertThat(json.readBody(bytes(node), 1).errors())
        .containsExactly(new FieldError(field, message));
  }

  @Test
  void lengthLimitsAreInclusive() {
    ObjectNode atLimit = fullContact().put("contactId", "c".repeat(200));
    ((ObjectNode) atLimit.withArray("turns").get(0)).put("text", "t".repeat(20_000));
    assertThat(json.readBody(bytes(atLimit), 1).errors()).isEmpty();

    ObjectNode over = fullContact().put("contactId", "c".repeat(201));
    ((ObjectNode) over.withArray("turns").get(0)).put("text", "t".repeat(20_001));
    assertThat(json.readBody(bytes(over), 1).errors()).containsExactly(
        new FieldError("contactId", "must be at most 200 characters"),
        new FieldError("turns[0].text", "must be at most 20000 characters"));

    ObjectNode tooManyTurns = fullContact();
    ArrayNode many = tooManyTurns.putArray("turns");
    for (int i = 0; i < 501; i++) {
      many.addObject().put("speaker", "BOT").put("text", "x");
    }
    assertThat(json.readBody(bytes(tooManyTurns), 1).errors())
        .containsExactly(new FieldError("turns", "must be an array of 1..500 turns"));
    many.remove(500);
    assertThat(json.readBody(bytes(tooManyTurns), 1).value().get(0).getTurns()).hasSize(500);
  }

  @Test
  void everyProblemIsReportedAtOnceWithArrayPaths() {
    ArrayNode array = MAPPER.createArrayNode();
    array.add(fullContact());
    array.add(fullContact().put("channel", "PIGEON"));
    array.add(fullContact());
    ObjectNode fourth = fullContact().put("occurredAt", "soon").put("typo", 1);
    ((ObjectNode) fourth.withArray("turns").get(1)).put("speaker", "CLIENT");
    array.add(fourth);
    array.add("not a contact");
    assertThat(json.readBody(bytes(array), 10).errors()).containsExactly(
        new FieldError("[1].channel", "must be one of CHAT, CALL, EMAIL"),
        new FieldError("[3].typo", "unknown field"),
        new FieldError("[3].occurredAt",
            "must be an ISO-8601 instant with offset, e.g. 2026-11-24T10:15:30Z"),
        new FieldError("[3].turns[1].speaker", "must be one of CUSTOMER, AGENT, BOT, SYSTEM"),
        new FieldError("[4]", "must be a contact object"));
  }

  @Test
  void bodyLevelProblems() {
    assertThat(json.readBody("[]".getBytes(UTF_8), 10).errors())
        .containsExactly(new FieldError("body", "must hold 1..10 contacts"));
    ArrayNode three = MAPPER.createArrayNode().add(fullContact()).add(fullContact())
        .add(fullContact());
    assertThat(json.readBody(bytes(three), 2).errors())
        .containsExactly(new FieldError("body", "must hold 1..2 contacts"));
    assertThat(json.readBody("42".getBytes(UTF_8), 10).errors()).containsExactly(
        new FieldError("body", "must be a contact object or an array of contact objects"));
    assertThat(json.readBody(new byte[0], 10).errors())
        .containsExactly(new FieldError("body", "must not be empty"));
    assertThat(onlyError(json.readBody("{\"contactId\": ".getBytes(UTF_8), 10)))
        .satisfies(e -> assertThat(e.field()).isEqualTo("body"))
        .satisfies(e -> assertThat(e.message()).startsWith("not valid JSON: "));
    assertThat(onlyError(json.readBody("{\"a\":1,\"a\":2}".getBytes(UTF_8), 10)).message())
        .startsWith("not valid JSON: ").contains("Duplicate field 'a'");
    assertThat(onlyError(json.readBody("{} {}".getBytes(UTF_8), 10)).message())
        .startsWith("not valid JSON: ");
    assertThat(onlyError(json.readBody(new byte[] {'"', (byte) 0xC3, '"'}, 10)).message())
        .startsWith("not valid JSON: ");
  }

  @Test
  void lineLevelProblemsAreNamedLine() {
    assertThat(json.readLine(bytes(MAPPER.createArrayNode().add(fullContact()))).errors())
        .containsExactly(new FieldError("line", "must be a contact object"));
    assertThat(onlyError(json.readLine("not json".getBytes(UTF_8))).field()).isEqualTo("line");
    ObjectNode noId = fullContact();
    noId.remove("contactId");
    assertThat(json.readLine(bytes(noId)).errors())
        .containsExactly(new FieldError("contactId", "is required"));
  }

  @Test
  void enumsAreCaseInsensitiveAndOffsetsAreNormalisedToUtc() {
    Contact c = json.readBody(bytes(fullContact().put("channel", " Call ")
        .put("occurredAt", "2026-11-23T23:30:00-02:00")), 1).value().get(0);
    assertThat(c.getChannel()).isEqualTo(Channel.CALL);
    assertThat(c.getOccurredAt()).isEqualTo(Instant.parse("2026-11-24T01:30:00Z"));
  }

  private static FieldError onlyError(Validated<?> result) {
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0);
  }
}
