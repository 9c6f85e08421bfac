package nl.waarom.analyzer.sentiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes a {@link SentimentModel} as a compact gzipped binary file: a header (magic,
 * format version, the hashing fingerprint, temperature, biases, cue weights), then the word and
 * character features (64-bit hash, idf and three weights as IEEE half floats; the trainer rounds
 * to half floats, so a written model scores exactly as the trained one), then the known words.
 * The lexicon is not in the file: it is read from the class path.
 */
public final class SentimentModelFile {
  /** The shipped model's resource name, next to this class. */
  public static final String RESOURCE = "sentiment-model.bin.gz";
  private static final int MAGIC = 0x57534e54; // "WSNT"
  private static final int VERSION = 1;
  private static final int C = SentimentWeights.CLASSES;

  private SentimentModelFile() {}

  public static void write(SentimentModel model, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      write(model, out);
    }
  }

  public static void write(SentimentModel model, OutputStream target) throws IOException {
    SentimentWeights w = model.weights();
    GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(w.probe());
    out.writeDouble(w.temperature());
    for (float b : w.bias()) {
      out.writeFloat(b);
    }
    for (float cue : w.cueWeights()) {
      out.writeFloat(cue);
    }
    writeFeatures(out, w.wordHashes(), w.wordIdf(), w.wordWeights());
    writeFeatures(out, w.charHashes(), w.charIdf(), w.charWeights());
    out.writeInt(w.vocabulary().size());
    for (String word : w.vocabulary()) {
      out.writeUTF(word);
    }
    out.flush();
    gzip.finish();
  }

  private static void writeFeatures(DataOutputStream out, long[] hashes, float[] idf,
      float[] weights) throws IOException {
    out.writeInt(hashes.length);
    for (int f = 0; f < hashes.length; f++) {
      out.writeLong(hashes[f]);
      out.writeShort(Float.floatToFloat16(idf[f]));
      for (int c = 0; c < C; c++) {
        out.writeShort(Float.floatToFloat16(weights[f * C + c]));
      }
    }
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @throws IOException when the bytes are not such a model, of this format version, trained
   *     with this version's feature hashing
   */
  public static SentimentModel read(InputStream source) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(source, 1 << 16), 1 << 16));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a Waarom sentiment model");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("sentiment model format " + version + ", this version reads "
          + VERSION + "; train it again (waarom train-sentiment)");
    }
    long probe = in.readLong();
    double temperature = in.readDouble();
    float[] bias = floats(in, C);
    float[] cues = floats(in, SentimentText.CUES * C);
    int words = in.readInt();
    long[] wordHashes = new long[words];
    float[] wordIdf = new float[words];
    float[] wordWeights = new float[words * C];
    readFeatures(in, wordHashes, wordIdf, wordWeights);
    int chars = in.readInt();
    long[] charHashes = new long[chars];
    float[] charIdf = new float[chars];
    float[] charWeights = new float[chars * C];
    readFeatures(in, charHashes, charIdf, charWeights);
    int known = in.readInt();
    List<String> vocabulary = new ArrayList<>(known);
    for (int i = 0; i < known; i++) {
      vocabulary.add(in.readUTF());
    }
    try {
      return new SentimentModel(new SentimentWeights(wordHashes, wordIdf, wordWeights, charHashes,
          charIdf, charWeights, cues, bias, temperature, vocabulary, probe), Lexicon.shipped());
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  public static SentimentModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  private static float[] floats(DataInputStream in, int n) throws IOException {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = in.readFloat();
    }
    return values;
  }

  private static void readFeatures(DataInputStream in, long[] hashes, float[] idf,
      float[] weights) throws IOException {
    for (int f = 0; f < hashes.length; f++) {
      hashes[f] = in.readLong();
      idf[f] = Float.float16ToFloat(in.readShort());
      for (int c = 0; c < C; c++) {
        weights[f * C + c] = Float.float16ToFloat(in.readShort());
      }
    }
  }
}
