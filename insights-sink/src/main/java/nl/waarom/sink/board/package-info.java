/**
 * The board ({@code GET /}, server-rendered HTML, no external assets) and the read-only REST API
 * ({@code /api/backlog}, {@code /api/trends}, {@code /api/insights}); the contact search and
 * contact pages with editors' corrections ({@code ContactRoutes}, {@code ContactRenderer}); the
 * backtest of an emerging reason's drafted rule, from which an editor promotes it
 * ({@code BacktestRoutes}, {@code BacktestRenderer}). Reasons
 * show by the names of the taxonomy in force ({@link nl.waarom.sink.contacts.ReasonNames}).
 */
package nl.waarom.sink.board;
