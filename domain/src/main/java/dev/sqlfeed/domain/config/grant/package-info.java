/** The config model of grants: grants queries, their mappings and their incremental queries. */
package dev.sqlfeed.domain.config.grant;
