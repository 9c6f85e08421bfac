package nl.waarom.ingest.connect.imap;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTML mail body into plain text good enough for classification: drops
 * {@code <head>}, {@code <style>}, {@code <script>} and quoted history in {@code <blockquote>}
 * (and Gmail's {@code gmail_quote} block), turns block ends and {@code <br>} into line breaks,
 * removes all other tags and decodes entities. Not a general HTML renderer: tables become lines,
 * layout is lost. Stateless and thread-safe.
 */
public final class HtmlText {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern DROPPED = Pattern.compile(
      "<(head|style|script|blockquote)\\b.*?</\\1\\s*>|<!--.*?-->", FLAGS);
  private static final Pattern GMAIL_QUOTE = Pattern.compile(
      "<div[^>]*class=\"?[^\">]*gmail_quote.*", FLAGS);
  private static final Pattern BREAK = Pattern.compile(
      "<br\\s*/?>|</(p|div|tr|li|h[1-6]|table)\\s*>|<(p|div|li|tr)\\b[^>]*>", FLAGS);
  private static final Pattern TAG = Pattern.compile("<[^>]*>", FLAGS);
  private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.of("nbsp", " ", "amp", "&", "lt", "<",
      "gt", ">", "quot", "\"", "apos", "'", "euro", "€", "hellip", "…", "ndash", "–", "mdash", "—");

  /** Plain text of an HTML document or fragment; never null. */
  public String toText(String html) {
    if (html == null) {
      return "";
    }
    String s = DROPPED.matcher(html).replaceAll("");
    s = GMAIL_QUOTE.matcher(s).replaceAll("");
    s = BREAK.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    s = decode(s);
    return s.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").replaceAll(" *\n *", "\n")
        .replaceAll("\n{3,}", "\n\n").strip();
  }

  private static String decode(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (name.startsWith("#x") || name.startsWith("#X")) {
        int cp = Integer.parseInt(name.substring(2), 16);
        replacement = Character.isValidCodePoint(cp) ? Character.toString(cp) : "";
      } else if (name.startsWith("#")) {
        int cp = Integer.parseInt(name.substring(1));
        replacement = Character.isValidCodePoint(cp) ? Character.toString(cp) : "";
      } else {
        replacement = NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
