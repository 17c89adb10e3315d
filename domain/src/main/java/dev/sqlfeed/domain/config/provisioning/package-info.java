/**
 * The config model of provisioning: entitlement grant and revoke statements, account creation and
 * credential rotation. Parsed and validated when the config loads. Entitlement grant and revoke
 * statements are planned by {@code dev.sqlfeed.domain.provisioning} and run by {@code sqlfeed
 * grant} and {@code revoke}; account creation and credential rotation by {@code
 * dev.sqlfeed.domain.provisioning.AccountPlanner}, run by {@code sqlfeed account create} and {@code
 * rotate}.
 */
package dev.sqlfeed.domain.config.provisioning;
