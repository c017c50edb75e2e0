package org.ims.audit;

import org.hibernate.dialect.PostgreSQLCastingJsonJdbcType;

/**
 * A {@code jsonb} column bound as text and cast by PostgreSQL ({@code cast(? as jsonb)}). Hibernate
 * otherwise binds JSON as the driver's {@code PGobject}, which fails on Open Liberty: there the
 * connection comes from the server's shared library copy of the driver, and the WAR's copy of
 * {@code PGobject} is another class to it ("Can't infer the SQL type").
 */
public class JsonbAsText extends PostgreSQLCastingJsonJdbcType {

  public JsonbAsText() {
    super(true, null);
  }
}
