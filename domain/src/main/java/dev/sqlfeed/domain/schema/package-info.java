/**
 * What a config expects of its source's schema: for each query it would run, the result columns its
 * mappings, cursor and key settings read, and which column an index should lead with. {@code
 * validate --connect} holds these expectations against the live database.
 */
package dev.sqlfeed.domain.schema;
