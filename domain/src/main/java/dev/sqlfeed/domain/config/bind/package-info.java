/**
 * Binding a YAML tree to the config model. {@link dev.sqlfeed.domain.config.bind.ConfigBinder} is
 * the entry point; one package-private binder per section of the file records every problem with
 * its position and YAML path and carries on, so that one run reports everything.
 */
package dev.sqlfeed.domain.config.bind;
