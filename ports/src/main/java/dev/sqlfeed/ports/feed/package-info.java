/**
 * The use cases of an incremental page, over the ports: refreshing the resources its rows name as
 * changed ({@link dev.sqlfeed.ports.feed.ResourceRefresher}, many ids per statement), their dynamic
 * entitlements, and the grants a re-activated resource gets back ({@link
 * dev.sqlfeed.ports.feed.GrantRestorer}).
 */
package dev.sqlfeed.ports.feed;
