package nl.waarom.ingest.text;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns HTML into plain text good enough for redaction and classification: {@code <head>},
 * {@code <style>}, {@code <script>} and HTML comments are dropped with their content; block tags
 * ({@code <p>}, {@code </div>}, ...) and {@code <br>} become line breaks; other tags are dropped;
 * character references are decoded (an invalid one becomes U+FFFD); runs of blanks collapse, and
 * never more than one blank line remains. Plain text passes through unchanged except for
 * white-space. Not a general HTML renderer: tables become lines, layout is lost.
 *
 * <p>Two kinds of text, as their sources write them. A chat or ticket message ({@link #toText})
 * keeps its quotes and puts its paragraphs on consecutive lines: a run of block tags is one line
 * break. A mail body ({@link #mailBody}) reads like plain-text mail: every block tag breaks, so
 * paragraphs are separated by a blank line, and the quoted history ({@code <blockquote>}, and
 * everything from Gmail's {@code gmail_quote} block on) is dropped. Stateless and thread-safe.
 */
public final class HtmlText {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern DROPPED = Pattern.compile(
      "<(head|style|script)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->", FLAGS);
  private static final Pattern QUOTED = Pattern.compile(
      "<blockquote\\b.*?</blockquote\\s*>|<div[^>]*class=\"?[^\">]*gmail_quote.*", FLAGS);
  private static final String BLOCK_TAG = "</?(?:p|div|li|h[1-6]|tr|table|blockquote|pre)\\b[^>]*>";
  private static final Pattern BLOCK = Pattern.compile(BLOCK_TAG, FLAGS);
  private static final Pattern BLOCK_RUN = Pattern.compile(
      "(?:" + BLOCK_TAG + ")(?:\\s*(?:" + BLOCK_TAG + "))*", FLAGS);
  private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", FLAGS);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">",
      "quot", "\"", "apos", "'", "nbsp", " ", "euro", "€", "hellip", "…", "ndash", "–",
      "mdash", "—");

  private HtmlText() {}

  /** Plain text of an HTML message or document; null for null. */
  public static String toText(String html) {
    return html == null ? null : text(html, false);
  }

  /** Plain text of an HTML mail body, without the quoted history; null for null. */
  public static String mailBody(String html) {
    return html == null ? null : text(html, true);
  }

  private static String text(String html, boolean mail) {
    String text = DROPPED.matcher(html).replaceAll("");
    if (mail) {
      text = QUOTED.matcher(text).replaceAll("");
    }
    text = (mail ? BLOCK : BLOCK_RUN).matcher(text).replaceAll("\n");
    text = BREAK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = decode(text);
    return text.replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ").replaceAll(" ?\\n ?", "\n")
        .replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static String decode(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String ref = m.group(1);
      String replacement;
      if (ref.startsWith("#x") || ref.startsWith("#X")) {
        replacement = codePoint(Integer.parseInt(ref.substring(2), 16));
      } else if (ref.startsWith("#")) {
        replacement = codePoint(Integer.parseInt(ref.substring(1)));
      } else {
        replacement = NAMED.getOrDefault(ref.toLowerCase(Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int cp) {
    return Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : "\uFFFD";
  }
}
