package dev.sqlfeed.worker.metrics;

import com.codahale.metrics.jmx.JmxReporter;
import com.codahale.metrics.jmx.ObjectNameFactory;
import java.util.Hashtable;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The same metrics as MBeans on the platform MBean server, through Dropwizard's JMX reporter, named
 * {@code sqlfeed:type=<counters|gauges|timers|...>,name=<Prometheus name>,<label>=<value>...}, for
 * example {@code sqlfeed:type=counters,name=sqlfeed_feed_pages,app=acme,source=user}. A label value
 * that JMX cannot take as it is (a comma, an equals sign, a colon, a quote ...) is quoted.
 */
public final class JmxExport implements AutoCloseable {
  /** The MBean domain. */
  public static final String DOMAIN = "sqlfeed";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.\\-/ ]*");

  private final JmxReporter reporter;

  private JmxExport(JmxReporter reporter) {
    this.reporter = reporter;
  }

  /** Registers every metric of {@code metrics}, those added later too, until closed. */
  public static JmxExport start(SqlfeedMetrics metrics) {
    JmxReporter reporter =
        JmxReporter.forRegistry(metrics.registry())
            .inDomain(DOMAIN)
            .createsObjectNamesWith(new Names(metrics::exportName))
            .build();
    reporter.start();
    return new JmxExport(reporter);
  }

  /** Unregisters the MBeans. */
  @Override
  public void close() {
    reporter.close();
  }

  /** Object names from the metrics' export names; a metric without one keeps its own name. */
  static final class Names implements ObjectNameFactory {
    private final Function<String, Optional<ExportName>> names;

    Names(Function<String, Optional<ExportName>> names) {
      this.names = names;
    }

    @Override
    public ObjectName createName(String type, String domain, String name) {
      Hashtable<String, String> properties = new Hashtable<>();
      properties.put("type", type);
      Optional<ExportName> export = names.apply(name);
      if (export.isPresent()) {
        properties.put("name", export.get().name());
        export.get().labels().forEach(l -> properties.put(l.getName(), value(l.getValue())));
      } else {
        properties.put("name", value(name));
      }
      try {
        return new ObjectName(domain, properties);
      } catch (MalformedObjectNameException e) {
        throw new IllegalArgumentException("no MBean name for metric " + name, e);
      }
    }

    private static String value(String v) {
      return PLAIN.matcher(v).matches() ? v : ObjectName.quote(v);
    }
  }
}
