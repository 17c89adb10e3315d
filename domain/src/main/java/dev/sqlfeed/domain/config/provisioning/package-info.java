/**
 * The config model of provisioning: entitlement grant and revoke statements, account creation and
 * credential rotation. Parsed and validated when the config loads; executed by a later feature.
 */
package dev.sqlfeed.domain.config.provisioning;
