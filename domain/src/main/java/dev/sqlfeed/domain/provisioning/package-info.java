/**
 * Running an entitlement's {@code provisioning} block, and a resource type's {@code
 * account_provisioning} and {@code credential_rotation}: which block runs, the values of its vars,
 * the statements to run with their bound parameters, and a generated password that never shows
 * itself. Pure but for the random source the caller passes in: the statements are run through
 * {@code dev.sqlfeed.ports.StatementRunner}.
 */
package dev.sqlfeed.domain.provisioning;
