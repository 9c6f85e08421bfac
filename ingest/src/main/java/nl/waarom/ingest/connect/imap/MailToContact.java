package nl.waarom.ingest.connect.imap;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.ingest.text.HtmlText;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/**
 * Turns one e-mail into a privacy-safe {@link Contact} (channel EMAIL):
 *
 * <ul>
 *   <li>{@code contactId}: the Message-ID without angle brackets; without one,
 *       {@code imap:<folder>:<uidvalidity>:<uid>}.
 *   <li>{@code customerKey}: keyed pseudonym of the lower-cased sender address (From, else
 *       Sender, else Reply-To); null when there is none.
 *   <li>{@code occurredAt}: the sent date (Date header), else the server's received date.
 *   <li>{@code subject} and one CUSTOMER turn with the body text: text/plain preferred, else HTML
 *       turned into text ({@link HtmlText}); quoted replies and signatures removed
 *       ({@link BodyCleaner}); both redacted ({@link Redactor}). An empty body falls back to the
 *       subject.
 *   <li>{@code attributes}: {@code threadId} (first Message-ID of References, else
 *       In-Reply-To, else its own), {@code folder}, {@code source=imap}.
 * </ul>
 *
 * <p>A message that cannot be parsed or holds no text at all is a {@link Result#failed failure}
 * with a clear reason, for a dead letter. Immutable and thread-safe.
 */
public final class MailToContact {
  /** Longest body text kept; the same limit the gateway puts on a turn. */
  static final int MAX_TEXT = 20_000;
  private static final int MAX_CONTACT_ID = 200;

  private final Pseudonymizer pseudonymizer;
  private final Redactor redactor;
  private final String language;
  private final BodyCleaner cleaner = new BodyCleaner();

  /** The outcome: a contact, or a reason (and the exception behind it, may be null). */
  public record Result(Contact contact, String reason, Exception error) {
    static Result ok(Contact c) {
      return new Result(c, null, null);
    }

    static Result failed(String reason, Exception error) {
      return new Result(null, reason, error);
    }

    public boolean isValid() {
      return contact != null;
    }
  }

  /** @param language language hint for every contact; may be null */
  public MailToContact(Pseudonymizer pseudonymizer, Redactor redactor, String language) {
    this.pseudonymizer = pseudonymizer;
    this.redactor = redactor;
    this.language = language;
  }

  /**
   * Converts one message found at {@code folder}/{@code uid}; never throws for bad mail.
   *
   * @param m the message, parsed locally from its raw bytes
   * @param received the server's received date (IMAP INTERNALDATE); may be null
   */
  public Result convert(MimeMessage m, Date received, String folder, long uidValidity, long uid) {
    try {
      String messageId = stripBrackets(m.getMessageID());
      String contactId = messageId != null && !messageId.isBlank()
          && messageId.length() <= MAX_CONTACT_ID
          ? messageId : "imap:" + folder + ":" + uidValidity + ":" + uid;
      Date date = m.getSentDate() != null ? m.getSentDate() : received;
      if (date == null) {
        return Result.failed("message has neither a Date header nor a received date", null);
      }
      String subject = m.getSubject();
      String body = cleaner.clean(text(m));
      if (body.isEmpty()) {
        body = subject == null ? "" : subject.strip();
      }
      if (body.isEmpty()) {
        return Result.failed("message has no text: no text/plain or text/html body and no "
            + "subject", null);
      }
      if (body.length() > MAX_TEXT) {
        body = body.substring(0, MAX_TEXT);
      }
      Map<String, String> attributes = new HashMap<>();
      attributes.put("threadId", threadId(m, messageId != null ? messageId : contactId));
      attributes.put("folder", folder);
      attributes.put("source", "imap");
      String sender = sender(m);
      return Result.ok(Contact.newBuilder()
          .setContactId(contactId)
          .setChannel(Channel.EMAIL)
          .setCustomerKey(sender == null ? null : pseudonymizer.keyFor(sender))
          .setOccurredAt(date.toInstant().truncatedTo(ChronoUnit.MILLIS))
          .setLanguage(language)
          .setSubject(redactor.redact(subject))
          .setTurns(List.of(new Turn(Speaker.CUSTOMER, redactor.redact(body), 0L)))
          .setAttributes(attributes)
          .build());
    } catch (MessagingException | IOException | RuntimeException e) {
      return Result.failed("cannot parse the message: " + e.getClass().getSimpleName() + ": "
          + e.getMessage(), e);
    }
  }

  /** The text of the best body part, or "" when there is none. */
  String text(Part part) throws MessagingException, IOException {
    String plain = find(part, "text/plain");
    if (plain != null && !plain.isBlank()) {
      return plain;
    }
    String h = find(part, "text/html");
    return h == null ? "" : HtmlText.mailBody(h);
  }

  /** The first inline part of the type, depth first, skipping attachments and attached mail. */
  private static String find(Part part, String type) throws MessagingException, IOException {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return null;
    }
    if (part.isMimeType(type)) {
      Object content = part.getContent();
      return content instanceof String s ? s : readAll(part);
    }
    if (part.isMimeType("multipart/*")) {
      Object content = part.getContent();
      if (!(content instanceof Multipart mp)) {
        throw new MessagingException("multipart body without parts (missing boundary?)");
      }
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart bp = mp.getBodyPart(i);
        String found = find(bp, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String readAll(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String sender(Message m) throws MessagingException {
    Address[] from = m.getFrom();
    if ((from == null || from.length == 0) && m instanceof MimeMessage mm && mm.getSender() != null) {
      from = new Address[] {mm.getSender()};
    }
    if (from == null || from.length == 0) {
      from = m.getReplyTo();
    }
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress a)
        || a.getAddress() == null) {
      return null;
    }
    return a.getAddress().strip().toLowerCase(Locale.ROOT);
  }

  private static String threadId(MimeMessage m, String own) throws MessagingException {
    String references = m.getHeader("References", " ");
    if (references != null && !references.isBlank()) {
      return stripBrackets(references.strip().split("\\s+")[0]);
    }
    String inReplyTo = m.getHeader("In-Reply-To", " ");
    if (inReplyTo != null && !inReplyTo.isBlank()) {
      return stripBrackets(inReplyTo.strip().split("\\s+")[0]);
    }
    return own;
  }

  private static String stripBrackets(String id) {
    if (id == null) {
      return null;
    }
    String s = id.strip();
    if (s.startsWith("<") && s.endsWith(">")) {
      s = s.substring(1, s.length() - 1);
    }
    return s.strip();
  }

  /** The message as RFC 822 bytes for a dead letter; null when even that fails. */
  public static byte[] rawBytes(Message m) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      m.writeTo(out);
      return out.toByteArray();
    } catch (IOException | MessagingException | RuntimeException e) {
      return null;
    }
  }

}
