/**
 * Loading config files: Jackson's YAML parser into the domain's positioned tree, then the domain's
 * binder. The one way every command reads its config.
 */
package dev.sqlfeed.worker.config;
