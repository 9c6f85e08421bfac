/**
 * The board ({@code GET /}, server-rendered HTML, no external assets) and the read-only REST API
 * ({@code /api/backlog}, {@code /api/trends}, {@code /api/insights}).
 */
package nl.waarom.sink.board;
