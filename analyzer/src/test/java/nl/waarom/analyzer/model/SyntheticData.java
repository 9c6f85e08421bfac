package nl.waarom.analyzer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates small labelled data sets: each label has its own key words, all share filler words. */
final class SyntheticData {
  static final String[][] KEYS = {
    {"invoice", "bill", "charged", "amount", "payment"},
    {"password", "login", "account", "locked", "reset"},
    {"delivery", "parcel", "package", "courier", "tracking"},
    {"contract", "cancel", "terminate", "subscription", "end"},
  };
  static final String[] LABELS = {"billing", "login", "delivery", "cancel"};
  private static final String[] FILLER = {"hello", "please", "my", "the", "i", "have", "a",
    "question", "about", "thanks", "today", "can", "you", "help", "with"};

  private SyntheticData() {
  }

  static List<LabeledText> generate(int perLabel, long seed) {
    Random random = new Random(seed);
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i < perLabel; i++) {
      for (int l = 0; l < LABELS.length; l++) {
        out.add(new LabeledText(sentence(random, KEYS[l]), LABELS[l]));
      }
    }
    return out;
  }

  static String sentence(Random random, String[] keys) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < 6; w++) {
      sb.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
    }
    sb.append(keys[random.nextInt(keys.length)]).append(' ');
    sb.append(keys[random.nextInt(keys.length)]);
    return sb.toString();
  }
}
