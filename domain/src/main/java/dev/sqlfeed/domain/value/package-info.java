/**
 * Values read from sources: rows, the normalisation of what JDBC drivers return into the few types
 * CEL and event ids use, and the parsing of timestamps that databases return as text.
 */
package dev.sqlfeed.domain.value;
