/**
 * The board ({@code GET /}, server-rendered HTML, no external assets) and the read-only REST API
 * ({@code /api/backlog}, {@code /api/trends}, {@code /api/insights}); the contact search and
 * contact pages with editors' corrections ({@code ContactRoutes}, {@code ContactRenderer}); the
 * backtest of an emerging reason's drafted rule, from which an editor promotes it
 * ({@code BacktestRoutes}, {@code BacktestRenderer}). Reasons
 * show by the names of the taxonomy in force ({@link nl.waarom.sink.contacts.ReasonNames}).
 *
 * <p>Every page a person sees is in the request's language, Dutch or English ({@code Texts},
 * {@code Page}): its strings come from the bundles {@code messages*.properties}, including the
 * words the page scripts show (passed as {@code data-} attributes) and the pages that say why a
 * page cannot be shown ({@code ErrorPage}). The JSON API stays English.
 */
package nl.waarom.sink.board;
