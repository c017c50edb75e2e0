package org.ims.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs SQL written with JPA-style {@code :named} parameters (as {@code SearchQuery} writes it) over
 * plain JDBC, expanding list values as Hibernate does, so that tests and the benchmark run exactly
 * the application's SQL.
 */
public final class NamedSql {

  /** A name after a single colon: {@code ::type} casts are left alone. */
  private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

  private NamedSql() {}

  /** The first row of a query's result. */
  public static Object[] row(Connection connection, String sql, Map<String, Object> parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, "", sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new IllegalStateException("No row from " + sql);
      }
      Object[] row = new Object[rows.getMetaData().getColumnCount()];
      for (int i = 0; i < row.length; i++) {
        row[i] = rows.getObject(i + 1);
      }
      return row;
    }
  }

  public static PreparedStatement prepare(
      Connection connection, String prefix, String sql, Map<String, Object> parameters)
      throws SQLException {
    List<Object> values = new ArrayList<>();
    Matcher m = PARAMETER.matcher(sql);
    StringBuilder jdbc = new StringBuilder(prefix);
    while (m.find()) {
      Object value = parameters.get(m.group(1));
      if (value instanceof List<?> list) {
        m.appendReplacement(jdbc, String.join(", ", Collections.nCopies(list.size(), "?")));
        values.addAll(list);
      } else {
        m.appendReplacement(jdbc, "?");
        values.add(value);
      }
    }
    m.appendTail(jdbc);
    PreparedStatement statement = connection.prepareStatement(jdbc.toString());
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
    return statement;
  }
}
