package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import io.javalin.http.Context;

/**
 * The page a person sees in the browser when a page cannot be shown (an unknown item, a bad
 * query parameter, the database away), in the page's language. The API and the live fragments
 * answer such errors with English JSON for machines instead ({@link #isPage}). Every piece of data
 * is escaped.
 */
final class ErrorPage {
  private ErrorPage() {}

  /** Whether the request is for a page a browser shows, rather than the API or a fragment. */
  static boolean isPage(Context ctx) {
    String path = ctx.path();
    return "GET".equals(ctx.method().name()) && !path.startsWith("/api/")
        && !path.startsWith("/fragments/") && !path.startsWith("/static/");
  }

  /**
   * Answers {@code status} with the page.
   *
   * @param message what went wrong, in the page's language; never null
   * @param detail the technical detail (English) or null
   */
  static void answer(Context ctx, int status, String message, String detail) {
    ctx.status(status).html(render(Page.of(ctx), status, message, detail));
  }

  static String render(Page page, int status, String message, String detail) {
    Texts t = page.t();
    String title = t.t(status == 404 ? "error.notFound" : "error.title");
    StringBuilder html = new StringBuilder(2048);
    page.head(html, title + " · Waarom");
    html.append("<p><a href=\"/\">← ").append(escape(t.t("item.back"))).append("</a></p>\n<h1>")
        .append(escape(title)).append("</h1>\n<p id=\"error\" data-status=\"").append(status)
        .append("\">").append(escape(message)).append("</p>\n");
    if (detail != null) {
      html.append("<p class=\"meta\"><code>").append(escape(detail)).append("</code></p>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }
}
