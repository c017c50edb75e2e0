package org.ims.interaction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The Finder's results as a file: RFC 4180 CSV (UTF-8) or an Excel workbook. */
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
  public static String fileName(String siteName, SearchCriteria c, Format format) {
    List<String> parts = new ArrayList<>(List.of("interactions", siteName));
    addPart(parts, "search", c.search());
    addPart(parts, "title", c.title());
    addPart(parts, "lead", c.lead());
    addPart(parts, "location", c.location());
    addPart(parts, "type", c.types().isEmpty() ? null : String.join("-", c.types()));
    addPart(parts, "timezone", c.timezone());
    addPart(
        parts,
        "from",
        c.from() == null ? null : c.from().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    addPart(
        parts,
        "to",
        c.to() == null ? null : c.to().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    addPart(parts, "by", c.createdBy());
    parts.add(LocalDate.now(ZoneOffset.UTC).toString());
    String name =
        String.join(
            "_", parts.stream().map(InteractionExport::slug).filter(p -> !p.isEmpty()).toList());
    return (name.length() > 150 ? name.substring(0, 150) : name) + "." + format.extension;
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

  private static List<String> cells(InteractionView i) {
    return List.of(
        Long.toString(i.id()),
        i.title(),
        i.type(),
        i.lead(),
        i.startDateTime().toString(),
        i.endDateTime().toString(),
        i.timezone(),
        nullToEmpty(i.location()),
        nullToEmpty(i.description()),
        nullToEmpty(i.notes()),
        nullToEmpty(i.createdBy()),
        i.createdAt() == null ? "" : i.createdAt().toString(),
        nullToEmpty(i.updatedBy()),
        i.updatedAt() == null ? "" : i.updatedAt().toString());
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
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADER.size(); c++) {
        header.createCell(c).setCellValue(HEADER.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> cells = cells(rows.get(r));
        for (int c = 0; c < cells.size(); c++) {
          // Text cells: never evaluated as formulas, whatever they start with.
          row.createCell(c).setCellValue(cells.get(c));
        }
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
