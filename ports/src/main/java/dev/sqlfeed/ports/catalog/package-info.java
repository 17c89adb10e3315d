/**
 * Describing a source's queries without reading their rows ({@code validate --connect}): the {@link
 * dev.sqlfeed.ports.catalog.SourceCatalog} port, and {@link dev.sqlfeed.ports.catalog.SchemaCheck},
 * which holds a config's expectations against it.
 */
package dev.sqlfeed.ports.catalog;
