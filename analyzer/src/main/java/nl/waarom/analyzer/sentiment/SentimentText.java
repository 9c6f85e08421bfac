package nl.waarom.analyzer.sentiment;

import java.util.Arrays;
import nl.waarom.analyzer.model.NgramFeatures;
import nl.waarom.analyzer.model.TextFolding;

/**
 * One text as the sentiment model reads it: its folded words (as the reason model folds them),
 * which of them stand in the scope of a negation, and the lexicon cues.
 *
 * <p>Negation scope: a negation ({@code niet}, {@code geen}, {@code not}, {@code never}, and a
 * {@code t} after a word ending in {@code n}, as in "don't" and "can't") covers the next three
 * words, up to a clause boundary ({@code . , ; : ! ?}); intensifiers and softeners between them do
 * not use up the scope ("not very good"). A negation whose scope holds no sentiment word turns
 * the sentiment word right before it around instead, since Dutch puts "niet" after the verb
 * ("het werkt niet"). A contrast ({@code maar}, {@code but}) ends the scope
 * and halves the weight of the cues before it, since what follows it usually decides.
 * Intensifiers and softeners multiply the next sentiment word (at most threefold); "at all"
 * after a negated word strengthens it by half.
 *
 * <p>Cues (the model's extra features, each in [0, 1] or [-1, 1]): the strength of positive and
 * of negative words outside a negation, of negated positive and of negated negative words
 * ({@code x / (1 + x)}), whether there was a negation, exclamation marks, a question mark, words
 * in capitals, the balance of it all ({@code tanh}), and whether no sentiment word occurred.
 *
 * <p>A mutable scratch: one instance per thread, reused for every text.
 */
final class SentimentText {
  /** How many cues {@link #cues} holds. */
  static final int CUES = 10;
  /** How many words a negation covers. */
  static final int NEGATION_SCOPE = 3;
  private static final float MAX_INTENSITY = 3f;

  char[] folded = new char[0];
  /** Number of words; the arrays below are valid up to it. */
  int words;
  int[] start = new int[64];
  int[] end = new int[64];
  long[] unigram = new long[64];
  long[] bigram = new long[64];
  /** The lexicon entry of each word ({@link Lexicon#NONE} when none), filled in by the caller. */
  int[] entry = new int[64];
  boolean[] negated = new boolean[64];
  /**
   * Words that give no n-gram features: a negation whose scope holds a sentiment word, and the
   * intensifiers and softeners of a sentiment word. What they say is in that word's negated form
   * and in the cues; their own 1-grams would mostly say how often negations and "echt heel"
   * occur in the negative or positive lines of the training data.
   */
  boolean[] silent = new boolean[64];
  private boolean[] boundaryBefore = new boolean[65];
  private int exclamations;
  private int questions;
  private int capitals;
  private int[] modifiers = new int[8];
  private int pendingModifiers;
  private static final int POSITIVE = 0;
  private static final int NEGATIVE = 1;
  private static final int NEGATED_POSITIVE = 2;
  private static final int NEGATED_NEGATIVE = 3;
  /** The strength of positive, negative, negated positive and negated negative words. */
  private final float[] sums = new float[4];
  /** The last sentiment word counted, its sum and weight. */
  private int lastSum;
  private float lastWeight;
  /** The last sentiment word not negated in this clause; -1 if none. */
  private int lastPolar;
  /** A negation right after a sentiment word, until its scope shows whether it has its own. */
  private int turnBack;
  /** The last negated sentiment word's weight and sum, for a following "at all". */
  private float lastNegated;
  private int lastNegatedSum;
  final float[] cues = new float[CUES];

  /** Folds {@code raw} and finds its words and clause boundaries; entries are set to NONE. */
  void tokenize(String raw, NgramFeatures features) {
    folded = TextFolding.fold(raw);
    words = 0;
    features.forEachWord(folded, (s, e, uni, bi) -> {
      if (words == start.length) {
        grow();
      }
      start[words] = s;
      end[words] = e;
      unigram[words] = uni;
      bigram[words] = bi;
      entry[words] = Lexicon.NONE;
      negated[words] = false;
      silent[words] = false;
      words++;
    });
    scanPunctuation(raw);
  }

  /**
   * Marks the clause boundaries between words and counts '!', '?' and words in capitals, on the
   * raw text: folding turned punctuation into spaces. Words are runs of letters and digits, as in
   * the folded text; if the counts disagree (a rare character that folds into several), no
   * boundary is marked.
   */
  private void scanPunctuation(String raw) {
    Arrays.fill(boundaryBefore, 0, words + 1, false);
    exclamations = 0;
    questions = 0;
    capitals = 0;
    int runs = 0;
    boolean inRun = false;
    boolean pending = false;
    int upper = 0;
    int length = 0;
    for (int i = 0; i <= raw.length(); i++) {
      char c = i < raw.length() ? raw.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        if (!inRun) {
          if (pending && runs <= words) {
            boundaryBefore[runs] = true;
          }
          pending = false;
          inRun = true;
          upper = 0;
          length = 0;
        }
        length++;
        upper += Character.isUpperCase(c) ? 1 : 0;
        continue;
      }
      if (inRun) {
        runs++;
        inRun = false;
        capitals += length >= 3 && upper == length ? 1 : 0;
      }
      switch (c) {
        case '!' -> {
          exclamations++;
          pending = true;
        }
        case '?' -> {
          questions++;
          pending = true;
        }
        case '.', ',', ';', ':' -> pending = true;
        default -> { }
      }
    }
    if (runs != words) {
      Arrays.fill(boundaryBefore, 0, words + 1, false);
    }
  }

  /** Resolves negation scopes and computes the cues from the words' lexicon entries. */
  void applyLexicon(Lexicon lexicon) {
    Arrays.fill(sums, 0);
    int negations = 0;
    int hits = 0;
    int scope = 0;
    int negation = -1;
    pendingModifiers = 0;
    float intensity = 1;
    lastPolar = -1;
    turnBack = -1;
    lastNegated = 0;
    for (int i = 0; i < words; i++) {
      if (boundaryBefore[i]) {
        endScope();
        scope = 0;
        intensity = 1;
        pendingModifiers = 0;
        lastPolar = -1;
        lastNegated = 0;
      }
      int e = entry[i];
      Lexicon.Kind kind = e == Lexicon.NONE ? null : lexicon.kind(e);
      if (isApostropheT(i)) {
        kind = Lexicon.Kind.NEGATE;
      }
      if (kind == Lexicon.Kind.NEGATE) {
        endScope();
        scope = NEGATION_SCOPE;
        negation = i;
        negations++;
        turnBack = lastPolar == i - 1 && lastPolar >= 0 ? i : -1;
        continue;
      }
      if (kind == Lexicon.Kind.INTENSIFY || kind == Lexicon.Kind.SOFTEN) {
        intensity *= lexicon.weight(e);
        pending(i);
        continue;
      }
      if (kind == Lexicon.Kind.CONTRAST) {
        endScope();
        for (int k = 0; k < sums.length; k++) {
          sums[k] *= 0.5f;
        }
        scope = 0;
        intensity = 1;
        pendingModifiers = 0;
        lastPolar = -1;
        continue;
      }
      if (lastNegated > 0 && isAtAll(i)) {
        sums[lastNegatedSum] += lastNegated * 0.5f;
        lastNegated = 0;
      }
      negated[i] = scope > 0;
      if (kind == Lexicon.Kind.POSITIVE || kind == Lexicon.Kind.NEGATIVE) {
        float w = lexicon.weight(e) * Math.min(MAX_INTENSITY, intensity);
        boolean isPositive = kind == Lexicon.Kind.POSITIVE;
        intensity = 1;
        for (int k = 0; k < pendingModifiers; k++) {
          silent[modifiers[k]] = true;
        }
        pendingModifiers = 0;
        hits++;
        if (negated[i]) {
          silent[negation] = true;
          turnBack = -1; // the negation found its word ahead
          add(isPositive ? NEGATED_POSITIVE : NEGATED_NEGATIVE, w);
        } else {
          add(isPositive ? POSITIVE : NEGATIVE, w);
          lastPolar = i;
        }
      }
      scope = Math.max(0, scope - 1);
      if (scope == 0) {
        endScope();
      }
    }
    endScope();
    cues[0] = squash(sums[POSITIVE]);
    cues[1] = squash(sums[NEGATIVE]);
    cues[2] = squash(sums[NEGATED_POSITIVE]);
    cues[3] = squash(sums[NEGATED_NEGATIVE]);
    cues[4] = negations > 0 ? 1 : 0;
    cues[5] = Math.min(1f, exclamations / 2f);
    cues[6] = questions > 0 ? 1 : 0;
    cues[7] = Math.min(1f, capitals / 2f);
    cues[8] = (float) Math.tanh(sums[POSITIVE] + 0.5f * sums[NEGATED_NEGATIVE]
        - sums[NEGATIVE] - sums[NEGATED_POSITIVE]);
    cues[9] = hits == 0 ? 1 : 0;
  }

  private void add(int sum, float weight) {
    sums[sum] += weight;
    lastSum = sum;
    lastWeight = weight;
    if (sum == NEGATED_POSITIVE || sum == NEGATED_NEGATIVE) {
      lastNegated = weight;
      lastNegatedSum = sum;
    }
  }

  /**
   * A negation whose scope ended without a sentiment word turns the sentiment word right before
   * it around: Dutch puts "niet" after the verb ("het werkt niet", "dat klopt niet").
   */
  private void endScope() {
    if (turnBack < 0) {
      return;
    }
    int word = turnBack - 1;
    sums[lastSum] -= lastWeight;
    negated[word] = true;
    silent[turnBack] = true;
    add(lastSum == POSITIVE ? NEGATED_POSITIVE : NEGATED_NEGATIVE, lastWeight);
    turnBack = -1;
    lastPolar = -1;
  }

  /** Remembers an intensifier or softener until the sentiment word it modifies. */
  private void pending(int word) {
    if (pendingModifiers == modifiers.length) {
      modifiers = Arrays.copyOf(modifiers, modifiers.length * 2);
    }
    modifiers[pendingModifiers++] = word;
  }

  private static float squash(float x) {
    return x / (1 + x);
  }

  /** "don't", "can't", "isn't": folded into "don t", a lone t after a word ending in n. */
  private boolean isApostropheT(int i) {
    return i > 0 && end[i] - start[i] == 1 && folded[start[i]] == 't'
        && folded[end[i - 1] - 1] == 'n';
  }

  private boolean isAtAll(int i) {
    return i > 0 && is(i, "all") && is(i - 1, "at");
  }

  private boolean is(int i, String word) {
    if (end[i] - start[i] != word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (folded[start[i] + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private void grow() {
    int n = start.length * 2;
    start = Arrays.copyOf(start, n);
    end = Arrays.copyOf(end, n);
    unigram = Arrays.copyOf(unigram, n);
    bigram = Arrays.copyOf(bigram, n);
    entry = Arrays.copyOf(entry, n);
    negated = Arrays.copyOf(negated, n);
    silent = Arrays.copyOf(silent, n);
    boundaryBefore = Arrays.copyOf(boundaryBefore, n + 1);
  }
}
