/**
 * Turning source rows into the mirror: how a row of a list, entitlements or grants query becomes
 * resources, entitlements and grants, and how a paginated query is paged, with baton-sql's
 * semantics.
 */
package dev.sqlfeed.domain.sync;
