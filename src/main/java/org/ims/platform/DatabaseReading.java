package org.ims.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One row of numbers read by a query for gauges, at most once per {@code maxAge}: a Prometheus
 * scrape, however frequent, costs at most one query per period. A failed read (the database is
 * down) gives NaN for the period, logged once, rather than failing the whole scrape.
 */
public final class DatabaseReading {

  private static final Logger LOG = Logger.getLogger(DatabaseReading.class.getName());

  /** Binds the statement's parameters, if it has any. */
  public interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private final DataSource dataSource;
  private final String sql;
  private final Binder binder;
  private final long maxAgeNanos;
  private double[] values;
  private long readAt;
  private boolean failing;

  public DatabaseReading(DataSource dataSource, String sql, Binder binder, Duration maxAge) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.binder = binder;
    this.maxAgeNanos = maxAge.toNanos();
  }

  /** Column {@code index} (from 0) of the row, as recent as the period allows. */
  public synchronized double get(int index) {
    long now = System.nanoTime();
    if (values == null || now - readAt >= maxAgeNanos) {
      values = read();
      readAt = now;
    }
    return index < values.length ? values[index] : Double.NaN;
  }

  private double[] read() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(5);
      binder.bind(statement);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        double[] read = new double[row.getMetaData().getColumnCount()];
        for (int i = 0; i < read.length; i++) {
          read[i] = row.getDouble(i + 1);
        }
        failing = false;
        return read;
      }
    } catch (SQLException | RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "Metrics could not read the database: " + e.getMessage());
        failing = true;
      }
      return new double[0];
    }
  }
}
