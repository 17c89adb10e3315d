/** The config model of entitlements: static ones and those read by a query. */
package dev.sqlfeed.domain.config.entitlement;
