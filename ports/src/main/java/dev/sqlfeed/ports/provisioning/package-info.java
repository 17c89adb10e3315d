/**
 * The grant and revoke use case: a plan of the domain's {@link
 * dev.sqlfeed.domain.provisioning.ProvisioningPlanner} run through the {@link
 * dev.sqlfeed.ports.StatementRunner} port, with baton-sql's policies ({@code reject_if}, {@code
 * grant_replace}, validation queries, the principal check).
 */
package dev.sqlfeed.ports.provisioning;
