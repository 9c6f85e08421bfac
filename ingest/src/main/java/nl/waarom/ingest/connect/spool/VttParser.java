package nl.waarom.ingest.connect.spool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarom.schemas.Speaker;

/**
 * Parses a WebVTT call transcript. The file starts with {@code WEBVTT}; each cue has a timing
 * line ({@code 00:01:02.500 --> 00:01:05.000}, hours optional) and payload lines whose speaker is
 * given by a voice tag ({@code <v Klant>Ik bel over…</v>}, classes allowed: {@code <v.loud Klant>})
 * or a prefix ({@code Klant: Ik bel over…}). Other tags are removed, entities decoded,
 * consecutive cues of one speaker merged. A {@code NOTE} block may carry metadata as
 * {@code key: value} lines ({@code contactId}, {@code occurredAt}, {@code customerId},
 * {@code language}, {@code queue}).
 *
 * <p>Errors name the line. Stateless apart from the label map; thread-safe.
 */
public final class VttParser {
  private static final Pattern TIMING = Pattern.compile(
      "^((?:\\d{1,3}:)?\\d{2}:\\d{2}[.,]\\d{3})\\s+-->\\s+((?:\\d{1,3}:)?\\d{2}:\\d{2}[.,]\\d{3}).*$");
  private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^\\s>]*)?\\s+([^>]+)>(.*)$",
      Pattern.DOTALL);
  private static final Pattern PREFIX = Pattern.compile("^([^:<>]{1,40}):\\s+(.*)$", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern META = Pattern.compile("^([A-Za-z]+)\\s*[:=]\\s*(.+)$");

  private final SpeakerLabels labels;

  public VttParser(SpeakerLabels labels) {
    this.labels = labels;
  }

  public Transcript parse(String text) throws BadInputException {
    String[] lines = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n')
        .split("\n", -1);
    if (lines.length == 0 || !lines[0].startsWith("WEBVTT")) {
      throw new BadInputException("not a WebVTT file: line 1 must start with WEBVTT");
    }
    Map<String, String> meta = new HashMap<>();
    List<Transcript.Segment> segments = new ArrayList<>();
    int i = 1;
    while (i < lines.length) {
      if (lines[i].isBlank()) {
        i++;
        continue;
      }
      int start = i;
      List<String> block = new ArrayList<>();
      while (i < lines.length && !lines[i].isBlank()) {
        block.add(lines[i++]);
      }
      if (block.get(0).startsWith("NOTE")) {
        readMeta(block, meta);
      } else if (!block.get(0).startsWith("STYLE") && !block.get(0).startsWith("REGION")) {
        cue(block, start + 1, segments);
      }
    }
    if (segments.isEmpty()) {
      throw new BadInputException("WebVTT file has no cues with text");
    }
    return new Transcript(meta, segments);
  }

  private static void readMeta(List<String> block, Map<String, String> meta) {
    String first = block.get(0).substring(4).strip();
    List<String> lines = new ArrayList<>(block.subList(1, block.size()));
    if (!first.isEmpty()) {
      lines.add(0, first);
    }
    for (String line : lines) {
      Matcher m = META.matcher(line.strip());
      if (m.matches()) {
        meta.put(m.group(1), m.group(2).strip());
      }
    }
  }

  private void cue(List<String> block, int lineNo, List<Transcript.Segment> out)
      throws BadInputException {
    int t = TIMING.matcher(block.get(0)).matches() ? 0 : 1;
    if (t >= block.size()) {
      throw new BadInputException("line " + lineNo + ": cue without a timing line");
    }
    Matcher timing = TIMING.matcher(block.get(t));
    if (!timing.matches()) {
      throw new BadInputException("line " + (lineNo + t) + ": expected a cue timing "
          + "'00:00:01.000 --> 00:00:02.000'");
    }
    long offset = millis(timing.group(1));
    String payload = String.join(" ", block.subList(t + 1, block.size())).strip();
    if (payload.isEmpty()) {
      return;
    }
    String label;
    String text;
    Matcher v = VOICE.matcher(payload);
    Matcher p = PREFIX.matcher(payload);
    if (v.matches()) {
      label = v.group(1);
      text = v.group(2);
    } else if (p.matches()) {
      label = p.group(1);
      text = p.group(2);
    } else {
      throw new BadInputException("line " + (lineNo + t + 1) + ": cue has no speaker (neither a "
          + "<v Speaker> tag nor a 'Speaker:' prefix)");
    }
    Speaker speaker = labels.of(label);
    if (speaker == null) {
      throw new BadInputException("line " + (lineNo + t + 1) + ": speaker label is not in "
          + "spool.labels.agent, spool.labels.customer or spool.labels.bot");
    }
    text = decode(TAG.matcher(text).replaceAll("")).replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return;
    }
    Transcript.Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
    if (last != null && last.speaker() == speaker) {
      out.set(out.size() - 1, new Transcript.Segment(speaker, last.offsetMillis(),
          last.text() + " " + text));
    } else {
      out.add(new Transcript.Segment(speaker, offset, text));
    }
  }

  static long millis(String timestamp) {
    String[] parts = timestamp.replace(',', '.').split(":");
    long h = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
    long m = Long.parseLong(parts[parts.length - 2]);
    double s = Double.parseDouble(parts[parts.length - 1]);
    return h * 3_600_000 + m * 60_000 + Math.round(s * 1000);
  }

  private static String decode(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ")
        .replace("&lrm;", "").replace("&rlm;", "").replace("&amp;", "&");
  }
}
