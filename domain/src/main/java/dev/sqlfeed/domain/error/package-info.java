/** The one sealed error hierarchy of sqlfeed; the CLI maps it to exit codes. */
package dev.sqlfeed.domain.error;
