/**
 * Repeat contacts: the customer who had to tell the story twice.
 *
 * <p>{@link nl.waarom.analyzer.repeats.RepeatLedger} sits between classification and everything
 * downstream. Classified contacts are re-keyed by customerKey and repartitioned
 * ({@code by-customer}), so one task sees all contacts of a customer, on every channel. Its
 * changelogged {@code repeat-ledger} store keeps each customer's recent contacts (window +
 * lateness); the rule ({@link nl.waarom.analyzer.repeats.rule.CustomerLedger}, a library package the sink's re-score
 * uses too) marks a contact as a
 * repeat of the first contact of its chain (repeatOf, repeatOfOccurredAt, repeatOfChannel) when
 * the customer contacted about its primary reason within the repeat window before it, unless it
 * came within the transfer gap of the previous contact. The contacts leave re-keyed by contactId
 * towards contacts.classified, the trends and the by-reason detectors.
 *
 * <p>{@link nl.waarom.analyzer.repeats.RepeatHotspotDetector} reads the by-reason stream, counts
 * per reason and UTC day the contacts and the repeats attributed back to the first contact's
 * day, and judges each day once its repeats had time to happen: at the early horizon (24 h) and at
 * the end of the repeat window. A day whose repeat rate exceeds the threshold, or rises
 * significantly above the reason's own earlier rate (two-proportion z-test), becomes one
 * REPEAT_HOTSPOT insight {@code repeat:<reasonId>:<dayStartIso>}
 * ({@link nl.waarom.analyzer.repeats.RepeatHotspots}), emitted once
 * ({@link nl.waarom.analyzer.streams.EmittedOnce}); {@code app} writes it out with the other
 * detectors' insights.
 *
 * <p>Settings: {@link nl.waarom.analyzer.repeats.RepeatOptions} (WAAROM_REPEAT_*). Metrics:
 * {@code waarom.analyzer.repeat.ledger{outcome}} and
 * {@code waarom.analyzer.repeat.hotspot.too.late{what}}.
 */
package nl.waarom.analyzer.repeats;
