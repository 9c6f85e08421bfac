/**
 * The {@code eval} command: train the reason model on a labelled CSV, classify a test CSV, and print
 * accuracy, macro-F1, out-of-scope precision and recall, training time and single-thread
 * throughput, ending with a machine-readable {@code result:} line. Entry point:
 * {@link nl.waarom.tools.eval.EvalMain#run(EvalOptions, java.io.PrintStream)}. Reads files only;
 * no Kafka.
 */
package nl.waarom.tools.eval;
