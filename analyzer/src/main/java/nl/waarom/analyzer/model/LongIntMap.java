package nl.waarom.analyzer.model;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit feature hashes to ints, without boxing: the vocabulary is
 * looked up once per n-gram occurrence, thousands of times per contact. Keys must already be well
 * mixed ({@link NgramFeatures#mix}). Not thread-safe while written; safe to read from many threads
 * once no one writes (the model publishes it through a final field).
 */
public final class LongIntMap {
  private static final long EMPTY = 0L;

  private long[] keys;
  private int[] values;
  private int size;
  private boolean hasZeroKey;
  private int zeroValue;

  public LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[capacity];
    values = new int[capacity];
  }

  public int size() {
    return size + (hasZeroKey ? 1 : 0);
  }

  /** The value for the key, or {@code missing}. */
  public int get(long key, int missing) {
    if (key == EMPTY) {
      return hasZeroKey ? zeroValue : missing;
    }
    int mask = keys.length - 1;
    int slot = (int) key & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return values[slot];
      }
      if (k == EMPTY) {
        return missing;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Adds {@code delta} to the key's value (absent keys start at 0) and returns the new value. */
  public int add(long key, int delta) {
    if (key == EMPTY) {
      hasZeroKey = true;
      return zeroValue += delta;
    }
    int mask = keys.length - 1;
    int slot = (int) key & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      size++;
      if (size * 2 > keys.length) {
        values[slot] = delta;
        grow();
        return delta;
      }
    }
    return values[slot] += delta;
  }

  public void put(long key, int value) {
    add(key, value - get(key, 0));
  }

  /** Calls the visitor for every entry, in no particular order. */
  public void forEach(EntryVisitor visitor) {
    if (hasZeroKey) {
      visitor.visit(EMPTY, zeroValue);
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        visitor.visit(keys[i], values[i]);
      }
    }
  }

  public interface EntryVisitor {
    void visit(long key, int value);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = (int) oldKeys[i] & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
    Arrays.fill(oldKeys, EMPTY);
  }
}
