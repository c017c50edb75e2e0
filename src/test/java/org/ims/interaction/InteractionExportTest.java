package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class InteractionExportTest {

  private static SearchCriteria criteria(String from, String to, String tz) {
    return SearchCriteria.parse(
        Map.of("from", List.of(from), "to", List.of(to), "tz", List.of(tz)));
  }

  @Test
  void theFileNameNamesTheDaysAsTheUserGaveThem() {
    for (String tz : List.of("UTC", "Europe/Berlin", "Pacific/Auckland", "America/Los_Angeles")) {
      String name =
          InteractionExport.fileName(
              "Headquarters",
              criteria("2026-12-01", "2026-12-15", tz),
              InteractionExport.zoneOf(tz),
              InteractionExport.Format.CSV);
      assertTrue(
          name.startsWith("interactions_headquarters_from-2026-12-01_to-2026-12-15_"),
          tz + ": " + name);
      assertTrue(name.matches(".*_to-2026-12-15_\\d{4}-\\d{2}-\\d{2}\\.csv"), name);
    }
    assertEquals(ZoneId.of("UTC").normalized(), InteractionExport.zoneOf(null).normalized());
    assertEquals(
        ZoneId.of("UTC").normalized(), InteractionExport.zoneOf("Nowhere/Else").normalized());
  }

  private static InteractionView interaction(String zone, String start, String end) {
    return new InteractionView(
        7L,
        1L,
        "Planning",
        "Meeting",
        "Amelia Hughes",
        OffsetDateTime.parse(start),
        OffsetDateTime.parse(end),
        zone,
        "Board Room",
        null,
        null,
        0,
        "editor",
        Instant.parse("2026-01-10T08:15:00Z"),
        "editor",
        Instant.parse("2026-07-10T08:15:00Z"),
        null,
        null);
  }

  @Test
  void everyTimeInTheCsvIsLocalToItsZoneWithANumericOffset() throws Exception {
    byte[] csv =
        InteractionExport.write(
            InteractionExport.Format.CSV,
            List.of(
                interaction("Europe/London", "2026-01-12T09:30:00Z", "2026-01-12T10:30:00Z"),
                interaction("Europe/London", "2026-03-29T08:30:00Z", "2026-03-29T09:30:00Z")));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))
            .getRecords();
    assertEquals("2026-01-12T09:30:00+00:00", rows.get(1).get(4), "winter: +00:00, never Z");
    assertEquals("2026-01-12T10:30:00+00:00", rows.get(1).get(5));
    assertEquals("2026-03-29T09:30:00+01:00", rows.get(2).get(4), "summer time");
    assertEquals("2026-01-10T08:15:00+00:00", rows.get(1).get(11), "created, in the same zone");
    assertEquals("2026-07-10T09:15:00+01:00", rows.get(1).get(13), "updated, in the same zone");
    for (CSVRecord row : rows.subList(1, rows.size())) {
      for (int column : List.of(4, 5, 11, 13)) {
        assertTrue(
            row.get(column).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}"),
            row.get(column));
      }
    }
  }

  @Test
  void excelHoldsRealDateCellsOfTheSameLocalTimes() throws Exception {
    byte[] xlsx =
        InteractionExport.write(
            InteractionExport.Format.XLSX,
            List.of(
                interaction("Australia/Sydney", "2026-03-01T22:00:00Z", "2026-03-01T23:30:00Z")));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Row row = workbook.getSheetAt(0).getRow(1);
      assertEquals(CellType.NUMERIC, row.getCell(0).getCellType(), "the id is a number");
      Cell start = row.getCell(4);
      assertEquals(CellType.NUMERIC, start.getCellType());
      assertTrue(DateUtil.isCellDateFormatted(start), "formatted as a date");
      assertEquals(LocalDateTime.parse("2026-03-02T09:00"), start.getLocalDateTimeCellValue());
      assertEquals(
          LocalDateTime.parse("2026-03-02T10:30"), row.getCell(5).getLocalDateTimeCellValue());
      assertEquals("Australia/Sydney", row.getCell(6).getStringCellValue());
      assertEquals("Planning", row.getCell(1).getStringCellValue());
    }
  }
}
