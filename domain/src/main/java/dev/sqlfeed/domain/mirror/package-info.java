/** The access mirror: resources, entitlements, grants, and their canonical JSON form. */
package dev.sqlfeed.domain.mirror;
