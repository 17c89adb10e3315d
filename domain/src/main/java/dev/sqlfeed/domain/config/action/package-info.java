/** The config model of top-level {@code actions}. */
package dev.sqlfeed.domain.config.action;
