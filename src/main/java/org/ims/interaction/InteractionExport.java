package org.ims.interaction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The Finder's results as a file: RFC 4180 CSV (UTF-8) or an Excel workbook.
 *
 * <p>Times follow one convention, in both: each is the local time in the interaction's own zone
 * (its Time zone column), for Start and End as for Created at and Updated at. The CSV writes them
 * in ISO-8601 with that zone's offset at that instant, always as {@code ±hh:mm} ({@code
 * 2026-03-29T09:30:00+01:00}, {@code 2026-01-12T09:30:00+00:00}); the workbook holds them as date
 * cells, formatted yyyy-mm-dd hh:mm, that spreadsheets sort and compute with.
 */
public final class InteractionExport {

  /** An export holds at most this many rows: a file for people, not a bulk extract. */
  public static final int MAX_ROWS = 1000;

  private static final List<String> HEADER =
      List.of(
          "ID",
          "Title",
          "Type",
          "Lead",
          "Start",
          "End",
          "Time zone",
          "Location",
          "Description",
          "Notes",
          "Created by",
          "Created at",
          "Updated by",
          "Updated at");

  /** The formats offered, with their media type and file extension. */
  public enum Format {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    public final String mediaType;
    public final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }
  }

  private InteractionExport() {}

  public static byte[] write(Format format, List<InteractionView> rows) {
    return format == Format.CSV ? csv(rows) : xlsx(rows);
  }

  /**
   * A file name that says what is in the file: site, filters and date, e.g.
   * interactions_headquarters_search-budget_type-meeting_2026-11-21.csv.
   */
  public static String fileName(String siteName, SearchCriteria c, ZoneId zone, Format format) {
    List<String> parts = new ArrayList<>(List.of("interactions", siteName));
    addPart(parts, "search", c.search());
    addPart(parts, "title", c.title());
    addPart(parts, "lead", c.lead());
    addPart(parts, "location", c.location());
    addPart(parts, "type", c.types().isEmpty() ? null : String.join("-", c.types()));
    addPart(parts, "timezone", c.timezone());
    // The days as the user gave them, in their zone: "to" is the end of its day, exclusive.
    addPart(parts, "from", c.from() == null ? null : day(c.from(), zone).toString());
    addPart(parts, "to", c.to() == null ? null : day(c.to().minusNanos(1), zone).toString());
    addPart(parts, "by", c.createdBy());
    parts.add(LocalDate.now(zone).toString());
    String name =
        String.join(
            "_", parts.stream().map(InteractionExport::slug).filter(p -> !p.isEmpty()).toList());
    return (name.length() > 150 ? name.substring(0, 150) : name) + "." + format.extension;
  }

  /** The zone a search's dates were given in: its {@code tz} parameter, else UTC (as its rules). */
  public static ZoneId zoneOf(String tz) {
    return tz == null || tz.isBlank() || !ValidSchedule.Validator.isZone(tz.trim())
        ? ZoneOffset.UTC
        : ZoneId.of(tz.trim());
  }

  private static LocalDate day(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toLocalDate();
  }

  private static void addPart(List<String> parts, String label, String value) {
    if (value != null) {
      parts.add(label + "-" + value);
    }
  }

  private static String slug(String value) {
    return value
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9-]+", "-")
        .replaceAll("-{2,}", "-")
        .replaceAll("^-|-$", "");
  }

  /** The columns that hold times: Start, End, Created at, Updated at. */
  private static final List<Integer> TIMES = List.of(4, 5, 11, 13);

  private static final DateTimeFormatter CSV_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private static List<String> cells(InteractionView i) {
    List<LocalDateTime> times = times(i);
    List<String> cells =
        new ArrayList<>(
            List.of(
                Long.toString(i.id()),
                i.title(),
                i.type(),
                i.lead(),
                "",
                "",
                i.timezone(),
                nullToEmpty(i.location()),
                nullToEmpty(i.description()),
                nullToEmpty(i.notes()),
                nullToEmpty(i.createdBy()),
                "",
                nullToEmpty(i.updatedBy()),
                ""));
    ZoneId zone = ZoneId.of(i.timezone());
    for (int t = 0; t < TIMES.size(); t++) {
      LocalDateTime local = times.get(t);
      cells.set(TIMES.get(t), local == null ? "" : CSV_TIME.format(local.atZone(zone)));
    }
    return cells;
  }

  /** Start, end, created and updated as local times in the interaction's zone (null if none). */
  private static List<LocalDateTime> times(InteractionView i) {
    ZoneId zone = ZoneId.of(i.timezone());
    return Arrays.asList(
        i.startDateTime().atZoneSameInstant(zone).toLocalDateTime(),
        i.endDateTime().atZoneSameInstant(zone).toLocalDateTime(),
        i.createdAt() == null ? null : LocalDateTime.ofInstant(i.createdAt(), zone),
        i.updatedAt() == null ? null : LocalDateTime.ofInstant(i.updatedAt(), zone));
  }

  private static byte[] csv(List<InteractionView> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CSVPrinter printer =
        new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
      printer.printRecord(HEADER);
      for (InteractionView row : rows) {
        printer.printRecord(cells(row).stream().map(InteractionExport::defused).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or return) gets a
   * leading apostrophe, so an exported "=HYPERLINK(…)" stays text (CSV injection).
   */
  static String defused(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }

  private static byte[] xlsx(List<InteractionView> rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Interactions");
      CellStyle when = workbook.createCellStyle();
      when.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADER.size(); c++) {
        header.createCell(c).setCellValue(HEADER.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        InteractionView interaction = rows.get(r);
        List<String> cells = cells(interaction);
        List<LocalDateTime> times = times(interaction);
        for (int c = 0; c < cells.size(); c++) {
          Cell cell = row.createCell(c);
          int time = TIMES.indexOf(c);
          if (c == 0) {
            cell.setCellValue(interaction.id());
          } else if (time >= 0) {
            // A date cell (a number to a spreadsheet), shown with the format above.
            if (times.get(time) != null) {
              cell.setCellValue(times.get(time));
              cell.setCellStyle(when);
            }
          } else {
            // Text cells: never evaluated as formulas, whatever they start with.
            cell.setCellValue(cells.get(c));
          }
        }
      }
      for (int c : TIMES) {
        sheet.setColumnWidth(c, 18 * 256);
      }
      sheet.createFreezePane(0, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
