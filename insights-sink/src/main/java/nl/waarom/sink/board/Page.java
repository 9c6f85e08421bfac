package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One HTML page request: its language ({@link Texts}) and where it is, so the page can offer the
 * same view in the other language. Writes the head and the navigation every page shares.
 *
 * @param t the language; never null
 * @param path the request path; never null
 * @param query the query parameters other than {@code lang}; never null
 */
public record Page(Texts t, String path, Map<String, List<String>> query) {
  /** The page a request asks for; remembers a {@code ?lang=} choice. */
  public static Page of(Context ctx) {
    Map<String, List<String>> query = new java.util.LinkedHashMap<>(ctx.queryParamMap());
    query.remove("lang");
    return new Page(Texts.of(ctx), ctx.path(), query);
  }

  /** An English page at {@code path}, for renderers called without a request (tests). */
  public static Page english(String path) {
    return new Page(Texts.EN, path, Map.of());
  }

  /** This page in {@code lang}. */
  public String inLanguage(String lang) {
    String rest = query.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
        .collect(Collectors.joining("&"));
    return path + "?" + (rest.isEmpty() ? "" : rest + "&") + "lang=" + lang;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * The page head (local stylesheet and script), the body with the scripts' strings, the live
   * and signed-in markers and the navigation: board, explore, contacts, and the language choice.
   */
  void head(StringBuilder html, String title) {
    html.append("<!DOCTYPE html>\n<html lang=\"").append(t.lang()).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>").append(escape(title)).append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/static/board.css\">\n")
        .append("<script src=\"/static/board.js\" defer></script>\n")
        .append("</head>\n<body").append(scriptTexts())
        .append(">\n<p class=\"live\" id=\"live\">").append(escape(t.t("live.connecting")))
        .append("</p>\n<p class=\"who\" id=\"who\"></p>\n<nav class=\"nav\" id=\"nav\">")
        .append(link("/", "nav.board", "nav-board")).append(" · ")
        .append(link("/explore", "nav.explore", "nav-explore")).append(" · ")
        .append(link("/contacts", "nav.contacts", "nav-contacts"))
        .append(" <span class=\"lang\">")
        .append(lang("nl", "Nederlands")).append(" | ").append(lang("en", "English"))
        .append("</span></nav>\n");
  }

  /**
   * The strings the page scripts show (keys {@code js.*}), as {@code data-js-*} attributes of the
   * body: the scripts hold no text of their own.
   */
  private String scriptTexts() {
    StringBuilder attributes = new StringBuilder();
    t.keys().stream().filter(k -> k.startsWith("js.")).sorted().forEach(k ->
        attributes.append(" data-").append(k.replace('.', '-').toLowerCase(Locale.ROOT))
            .append("=\"")
            .append(escape(t.t(k))).append('"'));
    return attributes.toString();
  }

  private String link(String href, String key, String id) {
    boolean here = href.equals("/") ? path.equals("/") : path.startsWith(href);
    return "<a id=\"" + id + "\" href=\"" + href + "\"" + (here ? " aria-current=\"page\"" : "")
        + ">" + escape(t.t(key)) + "</a>";
  }

  private String lang(String lang, String name) {
    if (lang.equals(t.lang())) {
      return "<b lang=\"" + lang + "\">" + name + "</b>";
    }
    return "<a id=\"lang-" + lang + "\" lang=\"" + lang + "\" href=\"" + escape(inLanguage(lang))
        + "\">" + name + "</a>";
  }
}
