/**
 * A parser-neutral YAML tree with positions: what the worker's YAML reader produces and the config
 * binder consumes. Keeping it free of any YAML library keeps {@code domain} pure.
 */
package dev.sqlfeed.domain.config.tree;
