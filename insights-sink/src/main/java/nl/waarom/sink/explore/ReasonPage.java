package nl.waarom.sink.explore;

import java.util.List;
import nl.waarom.sink.db.ExploreReads;
import nl.waarom.taxonomy.Reason;

/**
 * What the page of one reason shows for a period.
 *
 * @param reasonId never null
 * @param period never null
 * @param resolution {@code minute}, {@code hour} or {@code day}
 * @param series its contacts per window with the baseline, oldest first; never null
 * @param now its figures in the period; never null
 * @param before its figures in the previous period; never null
 * @param words the words that set it apart, strongest first; never null
 * @param attributes the attribute values that set it apart; never null
 * @param examples its newest contacts in the period; never null
 * @param definition its entry in the taxonomy in force (rules, examples); null when unknown
 * @param contactsInPeriod classified contacts kept for the period (the contrast's population)
 */
public record ReasonPage(String reasonId, Period period, String resolution,
    List<ExploreReads.Point> series, Figures now, Figures before, List<Contrast.Feature> words,
    List<Contrast.Feature> attributes, List<ExploreReads.ContactRow> examples,
    Reason definition, long contactsInPeriod) {}
