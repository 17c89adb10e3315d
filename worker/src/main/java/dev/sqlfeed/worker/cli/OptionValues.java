package dev.sqlfeed.worker.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for option values that have a range, so that a value out of range is a usage error
 * (exit 2, naming the option, through picocli's own "Invalid value for option" message) instead of
 * an internal error when the value is first used.
 */
final class OptionValues {
  private OptionValues() {}

  /** A TCP port: 1 to 65535. */
  static final class Port implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return port(value);
    }
  }

  /** A count or a position that cannot be negative. */
  static final class NonNegative implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      long n = parseLong(value);
      if (n < 0) {
        throw new TypeConversionException("'" + value + "' is negative; give 0 or more");
      }
      return n;
    }
  }

  /** {@code HOST:PORT}, with a port from 1 to 65535; the host is not looked up here. */
  static final class HostPort implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      int colon = value.lastIndexOf(':');
      if (colon <= 0 || colon == value.length() - 1) {
        throw new TypeConversionException("'" + value + "' is not HOST:PORT");
      }
      port(value.substring(colon + 1));
      return value;
    }
  }

  private static int port(String value) {
    long n;
    try {
      n = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a port number (1-65535)");
    }
    if (n < 1 || n > 65535) {
      throw new TypeConversionException("'" + value + "' is not a port number (1-65535)");
    }
    return (int) n;
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
  }
}
