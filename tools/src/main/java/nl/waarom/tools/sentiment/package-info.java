/**
 * The {@code train-sentiment} command: trains the analyzer's sentiment model on the open data sets
 * and the built-in customer-service lines ({@link nl.waarom.tools.sentiment.SentimentRecipe}), so
 * anyone with the data can regenerate the model file that ships in the analyzer's jar. Reads files
 * only; no Kafka.
 */
package nl.waarom.tools.sentiment;
