/** CEL: compiling the config's expressions and evaluating them against source rows. */
package dev.sqlfeed.domain.mapping;
