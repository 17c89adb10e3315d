package dev.sqlfeed.jdbc.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test run once on each database sqlfeed's users run it on: PostgreSQL, MariaDB and SQLite (not
 * H2). The test method takes the {@link TestDatabase.Kind}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(
    value = TestDatabase.Kind.class,
    names = {"POSTGRES", "MARIADB", "SQLITE"})
public @interface OnEachDatabase {}
