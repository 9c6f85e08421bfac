/** Configuration ({@link nl.waarom.sink.app.SinkSettings}) and wiring of the insights sink. */
package nl.waarom.sink.app;
