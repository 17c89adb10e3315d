/** The config model of a resource type: its list, get and incremental queries and its mapping. */
package dev.sqlfeed.domain.config.resource;
