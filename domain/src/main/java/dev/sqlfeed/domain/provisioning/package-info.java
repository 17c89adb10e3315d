/**
 * Running an entitlement's {@code provisioning} block: which block a grant or revoke names, the
 * values of its vars, and the statements to run with their bound parameters. Pure: the statements
 * are run through {@code dev.sqlfeed.ports.StatementRunner}.
 */
package dev.sqlfeed.domain.provisioning;
