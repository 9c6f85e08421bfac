package nl.waarom.ingest.connect.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces an e-mail body to what the sender wrote in this message: drops the quoted history of
 * earlier messages and the signature, in Dutch and English.
 *
 * <ul>
 *   <li><b>Reply headers</b> end the new text; everything from them on is history:
 *       {@code Op <date> schreef <name>:}, {@code On <date> wrote:} (also wrapped over two
 *       lines), {@code -----Original Message-----} / {@code Oorspronkelijk bericht}, and Outlook's
 *       header block {@code Van: … Verzonden: …} / {@code From: … Sent: …} (or {@code Datum:}/
 *       {@code Date:}) within four lines.
 *   <li><b>Quoted lines</b> starting with {@code >} are dropped wherever they are.
 *   <li><b>Signatures</b>: the RFC 3676 delimiter {@code "-- "} ends the text; so does a closing
 *       such as {@code Met vriendelijke groet}, {@code Groeten}, {@code Kind regards},
 *       {@code Best regards}, {@code Thanks} when at most {@value #MAX_SIGNATURE_LINES} short
 *       lines follow it (name, function, phone), so that "thanks" inside the text survives.
 *       Mobile footers ({@code Verstuurd vanaf mijn iPhone}, {@code Sent from my …}) go too.
 * </ul>
 *
 * <p>Runs of blank lines collapse to one; the result is trimmed and may be empty. Stateless and
 * thread-safe.
 */
public final class BodyCleaner {
  static final int MAX_SIGNATURE_LINES = 6;
  private static final int MAX_SIGNATURE_LINE = 80;

  private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
      "^\\s*-{2,}\\s*(original message|oorspronkelijk bericht|oorspronkelijk e-mailbericht)\\s*-{2,}\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern OP_SCHREEF = Pattern.compile(
      "^\\s*Op\\s.{4,}\\sschreef\\s?.*:\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ON_WROTE = Pattern.compile(
      "^\\s*On\\s.{4,}\\swrote\\s?:\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(Van|From)\\s*:\\*?\\s.*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_SENT = Pattern.compile(
      "^\\s*\\*?(Verzonden|Sent|Datum|Date|Aan|To)\\s*:\\*?\\s.*", Pattern.CASE_INSENSITIVE);
  private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^-- ?$");
  private static final Pattern CLOSING = Pattern.compile(
      "^\\s*(?:(?:met )?(?:vriendelijke|hartelijke|beste|lieve)? ?(?:groet|groeten|groetjes)(?: en .{1,30})?"
          + "|mvg|m\\.v\\.g\\.|gr\\.?|kind regards|best regards|warm regards|regards|best wishes"
          + "|best|cheers|thanks|thank you|many thanks|sincerely|yours sincerely|alvast bedankt"
          + "|bij voorbaat dank|dank je wel|dank u wel|bedankt)\\s*[,.!]?\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern MOBILE_FOOTER = Pattern.compile(
      "^\\s*(verzonden|verstuurd) (vanaf|met|via) (mijn )?.{1,40}$|^\\s*sent from my .{1,40}$",
      Pattern.CASE_INSENSITIVE);

  /** The new text of a plain-text body; never null, empty when nothing is left. */
  public String clean(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    List<String> lines = List.of(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    lines = lines.subList(0, replyHeader(lines));
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      if (!line.stripLeading().startsWith(">") && !MOBILE_FOOTER.matcher(line).matches()) {
        kept.add(line.stripTrailing());
      }
    }
    kept = kept.subList(0, signatureStart(kept));
    return collapse(kept);
  }

  /** Index of the first line of quoted history, or the line count when there is none. */
  private static int replyHeader(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String joined = i + 1 < lines.size() ? line.stripTrailing() + " " + lines.get(i + 1).strip() : line;
      if (ORIGINAL_MESSAGE.matcher(line).matches()
          || OP_SCHREEF.matcher(line).matches() || ON_WROTE.matcher(line).matches()
          || (line.stripLeading().toLowerCase(Locale.ROOT).startsWith("op ")
              && OP_SCHREEF.matcher(joined).matches())
          || (line.stripLeading().toLowerCase(Locale.ROOT).startsWith("on ")
              && ON_WROTE.matcher(joined).matches())
          || outlookHeader(lines, i)) {
        return i;
      }
    }
    return lines.size();
  }

  private static boolean outlookHeader(List<String> lines, int i) {
    if (!HEADER_FROM.matcher(lines.get(i)).matches()) {
      return false;
    }
    for (int j = i + 1; j < Math.min(lines.size(), i + 5); j++) {
      if (HEADER_SENT.matcher(lines.get(j)).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Index where the signature starts, or the line count when there is none. */
  private static int signatureStart(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (SIGNATURE_DELIMITER.matcher(lines.get(i)).matches()) {
        return i;
      }
      if (CLOSING.matcher(lines.get(i)).matches() && shortBlockFollows(lines, i + 1)) {
        return i;
      }
    }
    return lines.size();
  }

  private static boolean shortBlockFollows(List<String> lines, int from) {
    int nonBlank = 0;
    for (int j = from; j < lines.size(); j++) {
      String line = lines.get(j).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (++nonBlank > MAX_SIGNATURE_LINES || line.length() > MAX_SIGNATURE_LINE) {
        return false;
      }
    }
    return true;
  }

  private static String collapse(List<String> lines) {
    StringBuilder out = new StringBuilder();
    boolean blank = false;
    for (String line : lines) {
      if (line.isBlank()) {
        blank = out.length() > 0;
        continue;
      }
      if (blank) {
        out.append('\n');
        blank = false;
      }
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line);
    }
    return out.toString().strip();
  }
}
