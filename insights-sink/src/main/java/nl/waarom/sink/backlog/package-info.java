/**
 * The improvement team's backlog: one item per (insight kind, reason), or per candidate terms for
 * an emerging reason, updated in the same transaction as the insight that feeds it.
 */
package nl.waarom.sink.backlog;
