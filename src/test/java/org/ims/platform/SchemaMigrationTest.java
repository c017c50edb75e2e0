package org.ims.platform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

  @Test
  void aMigrationThatCannotRunStopsTheStartWithAClearMessage() {
    SchemaMigration migration = new SchemaMigration();
    migration.url = "jdbc:postgresql://127.0.0.1:1/ims?connectTimeout=2";
    migration.appUser = "ims_app";
    migration.appPassword = "none";
    migration.ownerUser = Optional.empty();
    migration.ownerPassword = Optional.empty();
    IllegalStateException failure = assertThrows(IllegalStateException.class, migration::migrate);
    assertTrue(failure.getMessage().startsWith("Database migration failed"), failure.getMessage());
  }
}
