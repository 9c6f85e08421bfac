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
 * the new reason shares with old chatter ("update") can still anchor its rule; so do terms that
 * co-occur with such an anchor (the other language's words for the same thing, see
 * {@link #group}). This can also join two new reasons that share one over-represented word in
 * nearly all their contacts; their drafted rule then shows it ({@code app AND (crash OR
 * settings)}). Groups whose core contacts overlap by {@code minOverlap} are merged into the
 * stronger. Each group gets a drafted rule ({@link RuleDrafter}) for its core contacts; the
 * foreground contacts that rule catches are the candidate's, and a candidate needs
 * {@code minContacts} of them. Not thread-safe (one per detector).
 */
public final class CandidateFinder {
  /** At most this many over-represented terms are grouped per evaluation (strongest first). */
  static final int MAX_TERMS = 200;
  /** G² a supporting term needs (p < 0.05): it may join a candidate but not seed one. */
  static final double SUPPORT_SCORE = 3.84;
  /** Lift a supporting term needs. */
  static final double SUPPORT_LIFT = 1.5;
  /** An anchor of a seed is in at least this share of the seed's contacts. */
  static final double ANCHOR_COVERAGE = 0.9;
  /** A term joins through an anchor when at least this share of its contacts have the anchor. */
  static final double ANCHORED = 0.8;

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
    List<Group> groups = merge(group(terms, foreground.size()));
    List<Candidate> candidates = new ArrayList<>();
    for (Group group : groups) {
      if (group.core().cardinality() < options.minContacts()) {
        continue;
      }
      DraftedRule rule = RuleDrafter.draft(group.terms(), group.core());
      BitSet caught = rule.caught(group.terms());
      List<RecentContact> contacts = caught.stream().mapToObj(foreground::get).toList();
      if (contacts.size() >= options.minContacts()) {
        candidates.add(new Candidate(group.terms(), rule, contacts));
      }
    }
    return candidates;
  }

  /**
   * Terms of one candidate, strongest first, and its core contacts: those of its significant
   * terms and of the terms it took in through an anchor.
   */
  private record Group(List<ScoredTerm> terms, BitSet core) { }

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
   * Each significant term not yet grouped seeds a group. Every over-represented term whose
   * contacts overlap the seed's enough joins it. So do its anchors, the over-represented terms in
   * at least {@link #ANCHOR_COVERAGE} of the seed's contacts ("update" for "app update"), and
   * every term at least {@link Significance#MIN_LIFT} times as common as in the background whose
   * contacts nearly all ({@link #ANCHORED}) have an anchor: the same reason in the other
   * language ("instellingen" next to "settings") or in other words.
   */
  private List<Group> group(List<ScoredTerm> terms, int foregroundSize) {
    List<Group> groups = new ArrayList<>();
    Set<String> grouped = new HashSet<>();
    for (ScoredTerm seed : terms) {
      if (grouped.contains(seed.term()) || !significant(seed, foregroundSize)) {
        continue;
      }
      List<ScoredTerm> anchors = terms.stream()
          .filter(t -> share(seed.contacts(), t.contacts()) >= ANCHOR_COVERAGE).toList();
      List<ScoredTerm> members = new ArrayList<>();
      BitSet core = new BitSet();
      for (ScoredTerm t : terms) {
        boolean anchored = t.share() >= Significance.MIN_LIFT * t.backgroundShare()
            && anchors.stream().anyMatch(a -> a != t && share(t.contacts(), a.contacts())
                >= ANCHORED);
        if (t == seed || anchors.contains(t) || anchored
            || jaccard(t.contacts(), seed.contacts()) >= options.minOverlap()) {
          members.add(t);
          grouped.add(t.term());
          if (anchored || significant(t, foregroundSize)) {
            core.or(t.contacts());
          }
        }
      }
      groups.add(new Group(members, core));
    }
    return groups;
  }

  /** Groups whose core contacts overlap enough are one candidate (the stronger takes them in). */
  private List<Group> merge(List<Group> groups) {
    List<Group> merged = new ArrayList<>();
    for (Group group : groups) {
      int into = -1;
      for (int i = 0; i < merged.size() && into < 0; i++) {
        if (jaccard(group.core(), merged.get(i).core()) >= options.minOverlap()) {
          into = i;
        }
      }
      if (into < 0) {
        merged.add(new Group(new ArrayList<>(group.terms()), (BitSet) group.core().clone()));
      } else {
        Group target = merged.get(into);
        group.terms().stream().filter(t -> !target.terms().contains(t))
            .forEach(target.terms()::add);
        target.terms().sort(Comparator.comparingDouble(ScoredTerm::score).reversed()
            .thenComparing(ScoredTerm::term));
        target.core().or(group.core());
      }
    }
    return merged;
  }

  /** |a ∩ b| / |a|: how much of {@code a} also has {@code b}. */
  static double share(BitSet a, BitSet b) {
    BitSet both = (BitSet) a.clone();
    both.and(b);
    return a.isEmpty() ? 0 : both.cardinality() / (double) a.cardinality();
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
