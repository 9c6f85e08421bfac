package nl.waarom.tools.redaction;

import java.util.List;

/** One generated customer message, the customer's name as the source would mark it, and what was planted where. */
record GeneratedMessage(String text, String customerName, List<Planted> planted) {}
