/**
 * The config model: baton-sql's YAML format (every key it knows) plus sqlfeed's incremental-sync
 * keys, as records split by section. {@link dev.sqlfeed.domain.config.bind.ConfigBinder} builds it
 * from a parsed YAML tree ({@link dev.sqlfeed.domain.config.tree}), reporting every problem with
 * its file position and YAML path. Every element that can fail at run time keeps its YAML path so
 * that run-time errors can name it.
 */
package dev.sqlfeed.domain.config;
