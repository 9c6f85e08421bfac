package nl.waarom.ingest.webhook;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML of a chat or ticket message ({@code <p>Hoi</p><p>tot&nbsp;straks</p>}) into
 * plain text: block ends and {@code <br>} become line breaks, other tags and HTML comments are
 * dropped, {@code <script>} and {@code <style>} are dropped with their content, character
 * references are decoded, runs of blanks collapse. Plain text passes through unchanged except for
 * white-space. Stateless and thread-safe.
 */
public final class HtmlText {
  private static final Pattern DROPPED = Pattern.compile(
      "(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern BREAK = Pattern.compile(
      "(?i)<br\\s*/?>|</(?:p|div|li|h[1-6]|tr|blockquote|pre)\\s*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">",
      "quot", "\"", "apos", "'", "nbsp", " ", "euro", "€", "hellip", "…", "ndash", "–",
      "mdash", "—");

  private HtmlText() {}

  /** Plain text of the HTML; null for null, never longer than the input. */
  public static String toText(String html) {
    if (html == null) {
      return null;
    }
    String text = DROPPED.matcher(html).replaceAll("");
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
        replacement = NAMED.getOrDefault(ref, m.group());
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
