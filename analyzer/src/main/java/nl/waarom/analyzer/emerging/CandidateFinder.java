package nl.waarom.analyzer.emerging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds candidate reasons in one foreground of unexplained contacts. Every term with at least
 * {@code minTermContacts} contacts is scored against the background ({@link Significance}).
 * Significant terms (G² ≥ {@code minScore}, at least {@link Significance#MIN_LIFT} times as common
 * as in the background) seed groups, strongest first; every over-represented term (a weaker test:
 * G² ≥ {@link #SUPPORT_SCORE}, lift ≥ {@link #SUPPORT_LIFT}) whose contacts overlap the seed's by
 * Jaccard ≥ {@code minOverlap} joins the seed's group (a term may join several), so a word that
 * the new reason shares with old chatter ("update") can still anchor its rule. Groups whose
 * significant terms' contacts overlap that much are merged into the stronger. Each group gets a
 * drafted rule ({@link RuleDrafter}) for the contacts of its significant terms; the foreground
 * contacts that rule catches are the candidate's, and a candidate needs {@code minContacts} of
 * them. Not thread-safe (one per detector).
 */
public final class CandidateFinder {
  /** At most this many over-represented terms are grouped per evaluation (strongest first). */
  static final int MAX_TERMS = 200;
  /** G² a supporting term needs (p < 0.05): it may join a candidate but not seed one. */
  static final double SUPPORT_SCORE = 3.84;
  /** Lift a supporting term needs. */
  static final double SUPPORT_LIFT = 1.5;

  /** The background a foreground is compared with. */
  public interface Background {
    /** Decayed weight of contacts with this term; never negative. */
    double weight(String term);

    /** Decayed weight of all background contacts. */
    double total();
  }

  private final EmergingOptions options;
  private double backgroundTotal;

  public CandidateFinder(EmergingOptions options) {
    this.options = options;
  }

  /** Candidates, strongest first; empty when nothing stands out. */
  public List<Candidate> find(List<RecentContact> foreground, Background background) {
    backgroundTotal = background.total();
    List<ScoredTerm> terms = overRepresented(foreground, background);
    List<List<ScoredTerm>> groups = merge(group(terms, foreground.size()), foreground.size());
    List<Candidate> candidates = new ArrayList<>();
    for (List<ScoredTerm> group : groups) {
      BitSet core = contactsOf(group.stream()
          .filter(t -> significant(t, foreground.size())).toList());
      if (core.cardinality() < options.minContacts()) {
        continue;
      }
      DraftedRule rule = RuleDrafter.draft(group, core);
      BitSet caught = rule.caught(group);
      List<RecentContact> contacts = caught.stream().mapToObj(foreground::get).toList();
      if (contacts.size() >= options.minContacts()) {
        candidates.add(new Candidate(group, rule, contacts));
      }
    }
    return candidates;
  }

  /**
   * Terms more common in the foreground than in the background, strongest first (ties by term,
   * so the order is deterministic): every term with enough contacts, G² ≥
   * {@link #SUPPORT_SCORE} and lift ≥ {@link #SUPPORT_LIFT}; the significant ones (G² ≥
   * {@code minScore}, lift ≥ {@link Significance#MIN_LIFT}) are marked by {@link #significant}.
   */
  List<ScoredTerm> overRepresented(List<RecentContact> foreground, Background background) {
    Map<String, BitSet> contacts = new HashMap<>();
    for (int i = 0; i < foreground.size(); i++) {
      for (String term : foreground.get(i).terms()) {
        contacts.computeIfAbsent(term, t -> new BitSet()).set(i);
      }
    }
    double f = foreground.size();
    double total = background.total();
    List<ScoredTerm> scored = new ArrayList<>();
    contacts.forEach((term, set) -> {
      int k = set.cardinality();
      if (k < options.minTermContacts()) {
        return;
      }
      double b = Math.min(background.weight(term), total);
      double g = Significance.logLikelihoodRatio(k, f, b, total);
      if (g >= SUPPORT_SCORE && k / f >= SUPPORT_LIFT * (b + 1) / (total + 1)) {
        scored.add(new ScoredTerm(term, k, k / f, total > 0 ? b / total : 0, g, set));
      }
    });
    scored.sort(Comparator.comparingDouble(ScoredTerm::score).reversed()
        .thenComparing(ScoredTerm::term));
    return scored.size() > MAX_TERMS ? scored.subList(0, MAX_TERMS) : scored;
  }

  /** Whether a term may seed a candidate. */
  boolean significant(ScoredTerm t, double foregroundSize) {
    return t.score() >= options.minScore() && Significance.lifted(t.count(), foregroundSize,
        t.backgroundShare() * backgroundTotal, backgroundTotal);
  }

  /**
   * Each significant term not yet grouped seeds a group; every over-represented term whose
   * contacts overlap the seed's enough joins it.
   */
  private List<List<ScoredTerm>> group(List<ScoredTerm> terms, int foregroundSize) {
    List<List<ScoredTerm>> groups = new ArrayList<>();
    Set<String> grouped = new HashSet<>();
    for (ScoredTerm seed : terms) {
      if (grouped.contains(seed.term()) || !significant(seed, foregroundSize)) {
        continue;
      }
      List<ScoredTerm> members = new ArrayList<>();
      for (ScoredTerm t : terms) {
        if (t == seed || jaccard(t.contacts(), seed.contacts()) >= options.minOverlap()) {
          members.add(t);
          grouped.add(t.term());
        }
      }
      groups.add(members);
    }
    return groups;
  }

  /** Groups whose significant terms' contacts overlap enough are one candidate. */
  private List<List<ScoredTerm>> merge(List<List<ScoredTerm>> groups, int foregroundSize) {
    List<List<ScoredTerm>> merged = new ArrayList<>();
    List<BitSet> mergedContacts = new ArrayList<>();
    for (List<ScoredTerm> group : groups) {
      BitSet contacts = contactsOf(group.stream()
          .filter(t -> significant(t, foregroundSize)).toList());
      int into = -1;
      for (int i = 0; i < merged.size() && into < 0; i++) {
        if (jaccard(contacts, mergedContacts.get(i)) >= options.minOverlap()) {
          into = i;
        }
      }
      if (into < 0) {
        merged.add(new ArrayList<>(group));
        mergedContacts.add(contacts);
      } else {
        List<ScoredTerm> target = merged.get(into);
        group.stream().filter(t -> !target.contains(t)).forEach(target::add);
        target.sort(Comparator.comparingDouble(ScoredTerm::score).reversed()
            .thenComparing(ScoredTerm::term));
        mergedContacts.get(into).or(contacts);
      }
    }
    return merged;
  }

  private static BitSet contactsOf(List<ScoredTerm> terms) {
    BitSet all = new BitSet();
    terms.forEach(t -> all.or(t.contacts()));
    return all;
  }

  static double jaccard(BitSet a, BitSet b) {
    BitSet both = (BitSet) a.clone();
    both.and(b);
    BitSet either = (BitSet) a.clone();
    either.or(b);
    return either.isEmpty() ? 0 : both.cardinality() / (double) either.cardinality();
  }
}
