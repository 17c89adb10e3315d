/**
 * Connection strings: the {@code connect} section's DSN in baton-sql's forms ({@code postgres://},
 * {@code mysql://}, {@code sqlserver://}, {@code oracle://}, SQLite paths) or a plain {@code jdbc:}
 * URL, turned into a {@link dev.sqlfeed.domain.connect.ConnectionSpec} that a JDBC adapter can
 * open. Pure Java: nothing here connects to anything, and no rendering shows a password.
 */
package dev.sqlfeed.domain.connect;
