package org.ims.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ims.testing.Api;
import org.ims.testing.Axe;
import org.ims.testing.Browser;
import org.ims.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The interaction form and the Finder as people use them daily (issue 16): dates typed by keyboard,
 * no error before a field is touched, the zone preselected by the server, Save &amp; New, an ended
 * session and a site switched in another tab that lose nothing, one current error summary, friendly
 * answers to a wrong address, the dense desktop table, tablet columns and phone cards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormAndFinderBrowserIT {

  private static final int[] WIDTHS = {1280, 1024, 768, 375};

  private String site;
  private String other;
  private String editor;
  private String both;
  private String viewer;
  private String editorToken;
  private Browser browser;

  @BeforeAll
  void seed() {
    site = TestUsers.createSite("Daily");
    other = TestUsers.createSite("Daily other");
    editor = TestUsers.create("dedit", site + ":EDITOR");
    both = TestUsers.create("dboth", site + ":EDITOR", other + ":EDITOR");
    viewer = TestUsers.create("dview", site + ":VIEWER");
    editorToken = Api.token(editor, TestUsers.PASSWORD);
    String[] zones = {"Europe/London", "Australia/Sydney", "America/New_York"};
    for (int n = 1; n <= 40; n++) {
      String day = String.format("2026-03-%02d", (n % 28) + 1);
      Interactions.created(
          editorToken,
          Interactions.body()
              .add(
                  "title",
                  String.format("Quarterly planning session %02d with the regional leads", n))
              .add("type", n % 2 == 0 ? "Training" : "Meeting")
              .add("lead", n % 3 == 0 ? "Jonas Müller-Lüdenscheidt" : "Amelia Hughes")
              .add("startDateTime", day + "T09:00:00Z")
              .add("endDateTime", day + "T10:30:00Z")
              .add("timezone", zones[n % 3])
              .add("location", "Conference room B, second floor")
              .add(
                  "description",
                  "A long description that goes on about the agenda, the figures of the quarter,"
                      + " the people to invite and what to prepare beforehand, far beyond a line."));
    }
  }

  /** A failed test leaves a picture of the page it failed on, for whoever reads the report. */
  @RegisterExtension
  final AfterTestExecutionCallback pictureOfAFailure =
      context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
          browser.screenshot("failed-" + context.getRequiredTestMethod().getName(), 1280);
        }
      };

  @BeforeEach
  void open() {
    browser = Browser.open();
  }

  @AfterEach
  void close() {
    browser.close();
  }

  // 1. Dates are typed by keyboard, with a hint; the calendar opens from its inline button.

  @Test
  void datesAreTypedByKeyboardAndTheCalendarOpensFromItsButtonOnly() {
    logIn(editor);
    browser.click("finder:toggleFilters");
    WebElement from = browser.find("finder:from_input");
    from.click();
    assertFalse(calendarOpen(), "the calendar does not open on focus");
    from.sendKeys("2026-03-10", Keys.TAB);
    WebElement focused = browser.driver().switchTo().activeElement();
    assertTrue(
        focused.getAttribute("class").contains("ui-datepicker-trigger"),
        "Tab reaches the calendar button, then the next field");
    assertFalse(calendarOpen());
    focused.sendKeys(Keys.TAB);
    WebElement to = browser.driver().switchTo().activeElement();
    assertEquals("finder:to_input", to.getAttribute("id"));
    to.sendKeys("2026-03-12", Keys.TAB);
    assertEquals("2026-03-10", from.getAttribute("value"), "what was typed stays");
    assertEquals("2026-03-12", browser.find("finder:to_input").getAttribute("value"));
    assertTrue(browser.text().contains("yyyy-mm-dd"), "a visible format hint");
    browser.click("finder:applyFilters");
    waitForSummary(" filtered from ");
    assertTrue(browser.path().contains("from=2026-03-10"), browser.path());
    assertTrue(browser.path().contains("to=2026-03-12"), browser.path());

    // The calendar button sits on the input's line, at its end, and opens the calendar.
    WebElement button =
        browser.driver().findElement(By.cssSelector("[id='finder:from'] .ui-datepicker-trigger"));
    assertSameLine(from, button);
    button.click();
    until(d -> calendarOpen());

    // The form's Start and End, typed the same way, are saved as typed.
    browser.go("/interaction.xhtml");
    browser.type("interaction:title", "Typed by keyboard");
    browser.choose("interaction:type", "Call");
    browser.type("interaction:lead", "Keyboard Only");
    WebElement start = browser.find("interaction:startDateTime_input");
    start.click();
    assertFalse(calendarOpen(), "the calendar does not open on focus");
    start.sendKeys("2026-07-01 14:30", Keys.TAB);
    browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
    WebElement end = browser.find("interaction:endDateTime_input");
    end.sendKeys("2026-07-01 15:45", Keys.TAB);
    assertSameLine(
        start,
        browser
            .driver()
            .findElement(
                By.cssSelector("[id='interaction:startDateTime'] .ui-datepicker-trigger")));
    browser.chooseValue("interaction:timezone", "Europe/Berlin");
    ajaxDone();
    browser.screenshots("interaction-form-typed", 1280, 1024, 375);
    browser.clickAndWaitForPage("interaction:save");
    browser.waitForText("Saved \u201cTyped by keyboard\u201d.");
    JsonObject saved = onlyOne("Typed by keyboard");
    assertEquals("2026-07-01T14:30:00+02:00", saved.getString("startDateTime"));
    assertEquals("2026-07-01T15:45:00+02:00", saved.getString("endDateTime"));
  }

  @Test
  void aDateTheFormCannotReadIsSaidByItsFieldWithEveryOtherProblem() {
    logIn(editor);
    browser.go("/interaction.xhtml");
    browser.find("interaction:startDateTime_input").sendKeys("tomorrow at ten", Keys.TAB);
    browser.click("interaction:save");
    waitForSummaryListing("Start");
    String summary = browser.find("errorSummary").getText();
    assertTrue(summary.contains("Start: Enter the date and time as yyyy-mm-dd hh:mm"), summary);
    assertTrue(summary.contains("Title: Enter a title."), "all problems at once: " + summary);
    assertEquals(
        "tomorrow at ten", browser.find("interaction:startDateTime_input").getAttribute("value"));
  }

  // 2. Nothing is reported about a field before the user changed it, or saved.

  @Test
  void tabbingThroughAnEmptyFormSaysNothingAndAChangedFieldIsCheckedAtOnce() {
    logIn(editor);
    browser.go("/interaction.xhtml");
    browser.find("interaction:title").click();
    for (int i = 0; i < 8; i++) {
      browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
      ajaxDone();
    }
    browser.find("interaction:startDateTime_input").click();
    browser.find("interaction:endDateTime_input").click();
    browser.find("interaction:lead").click();
    ajaxDone();
    String page = browser.text();
    assertFalse(page.contains("Enter the start date and time."), page);
    assertFalse(page.contains("Enter the end date and time."), page);
    assertFalse(page.contains("Enter a title."), page);
    assertTrue(browser.all("[id='errorSummary']").isEmpty(), "no summary before a save");

    // Typed, then emptied: that field says so, by itself only.
    browser.type("interaction:title", "x");
    browser.find("interaction:title").sendKeys(Keys.TAB);
    ajaxDone();
    assertEquals("", browser.find("interaction:titleMessage").getText());
    browser.find("interaction:title").sendKeys(Keys.BACK_SPACE, Keys.TAB);
    until(d -> browser.find("interaction:titleMessage").getText().contains("Enter a title."));
    ajaxDone();
    assertTrue(browser.all("[id='errorSummary']").isEmpty(), "inline only while filling in");
    assertFalse(browser.text().contains("Enter who leads it."), "the lead was not reached");

    // An end before the start is said under End as soon as both hold a time.
    browser.find("interaction:startDateTime_input").sendKeys("2026-06-01 10:00", Keys.TAB);
    ajaxDone();
    assertFalse(browser.text().contains("Enter the end date and time."), browser.text());
    browser.find("interaction:endDateTime_input").sendKeys("2026-06-01 09:00", Keys.TAB);
    until(
        d ->
            browser
                .find("interaction:endMessage")
                .getText()
                .contains("The end must be after the start."));
  }

  // 3. The zone is chosen by the server on every load; Save & New keeps type and zone.

  @Test
  void theUsersZoneIsPreselectedOnEveryLoadAndSaveAndNewKeepsTypeAndZone() {
    browser.go("/login.xhtml");
    browser.useTimeZone("Australia/Sydney");
    logIn(editor);
    for (int load = 0; load < 8; load++) {
      browser.go("/interaction.xhtml");
      // Read before any script of the page could choose one: the server rendered it.
      String selected =
          (String)
              js().executeScript(
                      "var o = document.querySelector("
                          + "\"[id='interaction:timezone_input'] option[selected]\");"
                          + " return o ? o.value : null;");
      assertEquals("Australia/Sydney", selected, "load " + load);
      assertEquals("Australia/Sydney", browser.menuValue("interaction:timezone"), "load " + load);
    }
    String label = browser.find("interaction:timezone_label").getText();
    assertTrue(label.startsWith("Australia/Sydney (UTC+1"), label);
    assertTrue(label.endsWith("your time zone"), label);

    browser.type("interaction:title", "First of a series");
    browser.choose("interaction:type", "Review");
    browser.chooseValue("interaction:timezone", "America/Argentina/Buenos_Aires");
    browser.type("interaction:lead", "Series Lead");
    browser.find("interaction:startDateTime_input").sendKeys("2026-08-03 10:00", Keys.TAB);
    browser.find("interaction:endDateTime_input").sendKeys("2026-08-03 11:00", Keys.TAB);
    ajaxDone();
    browser.clickAndWaitForPage("interaction:saveAndNew");
    browser.waitForText("Saved \u201cFirst of a series\u201d. Enter the next interaction.");
    assertEquals("", browser.find("interaction:title").getAttribute("value"));
    assertEquals("Review", browser.menuValue("interaction:type"), "the type is kept");
    assertEquals(
        "America/Argentina/Buenos_Aires",
        browser.menuValue("interaction:timezone"),
        "the zone is kept");
  }

  // 4. An ended session: the login says so, returns to the same record, and keeps the input.

  @Test
  void anEndedSessionReturnsToTheSameRecordWithWhatWasTyped() {
    long id =
        Interactions.id(
            Interactions.created(editorToken, Interactions.body().add("title", "Long meeting")));
    logIn(editor);
    browser.go("/interaction.xhtml?id=" + id);
    browser.type("interaction:notes", "Typed before the session ended");
    // The session ends while the user types (its lifetime is over; PageSessionIT covers a session
    // the server forgot).
    TestUsers.execute(
        "UPDATE auth_sessions SET expires_at = now() - interval '1 minute'"
            + " WHERE channel = 'WEB' AND user_id = (SELECT id FROM users WHERE username = ?)",
        editor);
    browser.click("interaction:save");
    until(d -> d.getCurrentUrl().contains("/login.xhtml"));
    browser.waitForText("Your session has expired. Log in again to continue.");
    browser.screenshot("session-ended", 375);
    browser
        .type("login:username", editor)
        .type("login:password", TestUsers.PASSWORD)
        .clickAndWaitForPage("login:submit");
    assertTrue(browser.path().startsWith("/interaction.xhtml?id=" + id), browser.path());
    until(d -> browser.find("draftRestored").isDisplayed());
    assertEquals(
        "Typed before the session ended", browser.find("interaction:notes").getAttribute("value"));
    browser.clickAndWaitForPage("interaction:save");
    browser.waitForText("Saved \u201cLong meeting\u201d.");
    assertEquals(
        "Typed before the session ended",
        Interactions.get(editorToken, id).json().getJsonObject("data").getString("notes"));
  }

  // 5. A page opened at one site, saved after another tab switched: said, and undone on request.

  @Test
  void aSiteSwitchedInAnotherTabIsExplainedAndCanBeUndoneWithoutLosingTheInput() {
    long id =
        Interactions.id(
            Interactions.created(editorToken, Interactions.body().add("title", "Two tabs")));
    logIn(both);
    browser.go("/interaction.xhtml?id=" + id);
    String first = browser.driver().getWindowHandle();
    browser.type("interaction:notes", "Written in the first tab");

    browser.driver().switchTo().newWindow(WindowType.TAB);
    browser.go("/index.xhtml");
    browser.switchSite(other);
    assertEquals(other, browser.find("heading").getText());

    browser.driver().switchTo().window(first);
    browser.click("interaction:save");
    browser.waitForText("This page was opened at " + site + ".");
    assertTrue(browser.text().contains("switched to " + other), browser.text());
    assertFalse(browser.text().contains("No interaction"), browser.text());
    assertEquals(
        "Written in the first tab",
        browser.find("interaction:notes").getAttribute("value"),
        "the input is kept");
    browser.screenshot("site-changed", 1280);
    Axe.assertNoSeriousViolations(browser.driver(), "page opened at another site");
    browser.click("siteChange:switchBack");
    browser.waitForText("You are working at " + site + " again.");
    browser.clickAndWaitForPage("interaction:save");
    browser.waitForText("Saved \u201cTwo tabs\u201d.");
    assertEquals(
        "Written in the first tab",
        Interactions.get(editorToken, id).json().getJsonObject("data").getString("notes"));
  }

  // 9. One summary at the top, linked to the fields; inline messages; both always current.

  @Test
  void oneCurrentSummaryLinksToTheFieldsThatShowTheirOwnMessage() {
    logIn(editor);
    browser.go("/interaction.xhtml");
    browser.click("interaction:save");
    waitForSummaryListing("Title");
    String summary = browser.find("errorSummary").getText();
    for (String expected :
        List.of(
            "Title: Enter a title.",
            "Type: Choose a type.",
            "Lead: Enter who leads it.",
            "Start: Enter the start date and time.",
            "End: Enter the end date and time.")) {
      assertTrue(summary.contains(expected), summary);
    }
    assertEquals(
        "Enter a title.", browser.find("interaction:titleMessage").getText(), "and by the field");
    assertEquals(2, occurrences(browser.text(), "Enter a title."), "once at the top, once inline");
    assertEquals(
        "errorSummary",
        browser.driver().switchTo().activeElement().getAttribute("id"),
        "the summary takes the focus after a refused save");
    browser.screenshots("interaction-form-errors", 1280, 1024, 375);
    axeAtEveryWidth("interaction form with its error summary");

    // Its link takes the keyboard to the field.
    browser
        .driver()
        .findElement(By.cssSelector("#errorSummary a[data-field='interaction:lead']"))
        .click();
    assertEquals(
        "interaction:lead", browser.driver().switchTo().activeElement().getAttribute("id"));

    // Corrected fields leave the summary and lose their message; the others stay.
    browser.driver().switchTo().activeElement().sendKeys("Priya Raman", Keys.TAB);
    until(d -> !browser.find("errorSummary").getText().contains("Lead:"));
    assertEquals("", browser.find("interaction:leadMessage").getText());
    browser.type("interaction:title", "Now with a title");
    browser.find("interaction:title").sendKeys(Keys.TAB);
    until(d -> !browser.find("errorSummary").getText().contains("Title:"));
    assertTrue(browser.find("errorSummary").getText().contains("Type: Choose a type."));
    assertEquals(1, browser.all("[id='errorSummary']").size(), "one summary");
  }

  // 10. A wrong address or a tampered value gets a plain answer, never a component id.

  @Test
  void aWrongIdOrATamperedChoiceGetsAPlainAnswer() {
    logIn(editor);
    browser.go("/interaction.xhtml?id=abc");
    browser.waitForText("There is no interaction \u201cabc\u201d");
    assertTrue(browser.path().startsWith("/index.xhtml"), browser.path());
    assertFalse(browser.text().contains("j_id"), browser.text());
    browser.go("/interaction.xhtml?id=987654321");
    browser.waitForText("No interaction 987654321 at " + site + ".");
    assertTrue(browser.path().startsWith("/index.xhtml"), browser.path());

    browser.go("/interaction.xhtml");
    browser.type("interaction:title", "Tampered");
    js().executeScript(
            "var o = document.querySelector(\"[id='interaction:timezone_input'] option[selected]\")"
                + " || document.querySelector(\"[id='interaction:timezone_input'] option:nth-child(2)\");"
                + " o.value = 'Mars/Olympus_Mons'; o.selected = true;");
    browser.click("interaction:save");
    waitForSummaryListing("Time zone");
    String page = browser.text();
    assertTrue(page.contains("Time zone: Choose one of the options in the list."), page);
    assertFalse(page.contains("Validation Error"), page);
    assertFalse(page.contains("j_id"), page);
    assertFalse(page.contains("interaction:"), page);
  }

  // 11. Viewers read the interaction as text: no inputs, no "required" hints.

  @Test
  void aViewerReadsTheInteractionAsTextWithoutRequiredHints() {
    long id =
        Interactions.id(
            Interactions.created(
                editorToken,
                Interactions.body().add("title", "Read only review").add("notes", "Line one")));
    logIn(viewer);
    browser.go("/interaction.xhtml?id=" + id);
    assertEquals("Read only review", browser.find("viewTitle").getText());
    assertEquals("Amelia Hughes", browser.find("viewLead").getText());
    assertTrue(browser.find("viewStart").getText().contains("4 May 2026, 09:00"));
    String page = browser.text();
    assertFalse(page.contains("required"), page);
    assertFalse(page.contains("*"), page);
    assertTrue(
        browser.all("main input:not([type=hidden]), main textarea, main select").isEmpty(),
        "nothing looks editable");
    assertTrue(browser.all("[id='interaction:save']").isEmpty(), "no Save");
    browser.screenshots("interaction-viewer", 1280, 1024, 375);
    axeAtEveryWidth("read-only interaction");
  }

  // 6. Desktop: a dense table, the title with the room, one line per row, ~44 px rows.

  @Test
  void onADesktopTheTableIsDenseWithManyRowsAboveTheFold() {
    logIn(editor);
    waitForSummary(" total)");
    browser.screenshots("finder", 1280, 1024, 768, 375);
    Map<?, ?> layout = tableLayout();
    List<?> heights = (List<?>) layout.get("rowHeights");
    for (Object height : heights) {
      assertTrue(((Number) height).doubleValue() <= 48, "row heights " + heights);
    }
    assertTrue(
        ((Number) layout.get("rowsAboveFold")).intValue() >= 10,
        "rows above the fold at 1280x900: " + layout);
    Map<?, ?> widths = (Map<?, ?>) layout.get("columnWidths");
    double title = ((Number) widths.get("Title")).doubleValue();
    for (Map.Entry<?, ?> column : widths.entrySet()) {
      if (!"Title".equals(column.getKey())) {
        assertTrue(title > ((Number) column.getValue()).doubleValue() * 1.5, "widths " + widths);
      }
    }
    assertFalse(widths.containsKey("Description"), "long texts are hidden until chosen");
    assertEquals(List.of(), layout.get("cutDatesAndZones"), "dates and zones are never cut");
    // A cut title shows in full on hover (other tests of this class add rows of their own, so
    // look for one of the seeded long titles rather than at a fixed row).
    List<String> hovers =
        browser.all(".finder-rows tbody a.row-open").stream()
            .map(link -> link.getAttribute("title"))
            .toList();
    assertTrue(
        hovers.stream()
            .anyMatch(
                t ->
                    t.startsWith("Quarterly planning session")
                        && t.endsWith("with the regional leads")),
        "titles on hover: " + hovers);
    assertNoHorizontalOverflow();
    axeAtEveryWidth("Finder");
  }

  // 7. Tablets keep the columns that matter, whole.

  @Test
  void onATabletTheFinderKeepsItsMostImportantColumnsWhole() {
    logIn(editor);
    waitForSummary(" total)");
    for (int width : new int[] {1024, 768}) {
      browser.resize(width, 900);
      Map<?, ?> layout = tableLayout();
      Map<?, ?> widths = (Map<?, ?>) layout.get("columnWidths");
      assertEquals(
          List.of("Title", "Type", "Lead", "Start", "Time zone"),
          layout.get("columns"),
          "columns at " + width + " px");
      assertEquals(List.of(), layout.get("cutHeadings"), "headings whole at " + width);
      assertEquals(List.of(), layout.get("cutDatesAndZones"), "dates whole at " + width);
      double all = widths.values().stream().mapToDouble(w -> ((Number) w).doubleValue()).sum();
      assertTrue(
          ((Number) widths.get("Title")).doubleValue() >= all / 4,
          "the title keeps its room at " + width + ": " + widths);
      assertNoHorizontalOverflow();
    }
  }

  // 8. Phones: cards of title, type, date and time, lead, location; tappable; a folding top bar;
  // sorting.

  @Test
  void onAPhoneEachInteractionIsACompactTappableCardAndSortingIsAtHand() {
    logIn(editor);
    waitForSummary(" total)");
    browser.resize(375, 812);
    WebElement bar = browser.driver().findElement(By.cssSelector("header.topbar"));
    assertTrue(bar.getSize().getHeight() <= 60, "top bar " + bar.getSize());
    assertFalse(browser.driver().findElement(By.id("topbar")).isDisplayed(), "folded");
    browser.click("topbarToggle");
    until(d -> d.findElement(By.id("topbar:userMenu_button")).isDisplayed());
    assertEquals("true", browser.find("topbarToggle").getAttribute("aria-expanded"));
    browser.click("topbarToggle");

    List<WebElement> cards = browser.all(".finder-rows tbody tr");
    assertEquals(25, cards.size());
    for (WebElement card : cards.subList(0, 5)) {
      int height = card.getSize().getHeight();
      assertTrue(height <= 130, "card height " + height);
      String text = card.getText();
      assertTrue(text.contains("Quarterly planning session"), text);
      assertTrue(
          text.matches("(?s).*\\w{3} \\d{1,2} Mar 2026, \\d\\d:\\d\\d.\\d\\d:\\d\\d \u00b7 .*"),
          text);
      assertTrue(text.contains("Lead"), text);
      assertTrue(text.contains("Location Conference room B"), text);
      assertFalse(text.contains("A long description"), "no long texts on a card: " + text);
    }
    String page = browser.text();
    assertFalse(page.contains("Ctrl+click"), "no desktop hints on a phone");
    assertFalse(page.contains("press /"), "no desktop hints on a phone");
    assertNoHorizontalOverflow();

    // Sorting without column headings.
    browser.choose("finder:phoneSort", "Title, Z to A");
    until(d -> d.getCurrentUrl().contains("sort=-title"));
    until(
        d -> {
          List<String> shown = titles();
          List<String> sorted =
              shown.stream().sorted(String.CASE_INSENSITIVE_ORDER.reversed()).toList();
          return shown.size() == 25 && shown.equals(sorted);
        });
    // A tap on the card, away from its title, opens it.
    WebElement card = browser.all(".finder-rows tbody tr").get(1);
    String title = card.findElement(By.cssSelector("a.row-open")).getText();
    new Actions(browser.driver())
        .moveToElement(card.findElement(By.cssSelector("td.col-location")))
        .click()
        .perform();
    until(d -> d.getCurrentUrl().contains("/interaction.xhtml?id="));
    assertEquals(title, browser.find("interaction:title").getAttribute("value"));
    browser.driver().navigate().back();
    waitForSummary("(");
    browser.resize(375, 812);
    browser.screenshot("finder-phone-sorted", 375);
  }

  // 14. The zone list: current names only, offsets, the user's first, searchable.

  @Test
  void theZoneListOffersCurrentNamesWithOffsetsAndTheUsersZoneFirst() {
    browser.go("/login.xhtml");
    browser.useTimeZone("Asia/Calcutta");
    logIn(editor);
    browser.go("/interaction.xhtml");
    @SuppressWarnings("unchecked")
    List<String> values =
        (List<String>)
            js().executeScript(
                    "return Array.from(document.getElementById('interaction:timezone_input')"
                        + ".options).map(function (o) { return o.value; });");
    assertEquals("Asia/Kolkata", values.get(1), "the user's zone first, by its current name");
    assertEquals("Asia/Kolkata", browser.menuValue("interaction:timezone"));
    for (String old : List.of("Asia/Calcutta", "US/Eastern", "Europe/Kiev", "Etc/GMT+5", "GB")) {
      assertFalse(values.contains(old), old + " is an old name");
    }
    assertTrue(values.contains("Europe/Kyiv") && values.contains("America/New_York"));
    assertTrue(values.size() < 450, values.size() + " zones");
    browser.click("interaction:timezone");
    WebElement filter = browser.find("interaction:timezone_filter");
    filter.sendKeys("new york");
    until(
        d ->
            visibleZoneItems().size() == 1
                && visibleZoneItems().get(0).startsWith("America/New York (UTC-0"));
    filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), "+05:30");
    until(d -> visibleZoneItems().stream().anyMatch(z -> z.startsWith("Asia/Colombo")));
  }

  // Helpers.

  private void logIn(String username) {
    browser.logIn(username, TestUsers.PASSWORD);
    if (browser.path().startsWith("/select-site.xhtml")) {
      browser.choose("select:site", site + " (EDITOR)");
      browser.clickAndWaitForPage("select:continue");
    }
    browser.find("finder:search");
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) browser.driver();
  }

  private boolean calendarOpen() {
    return !browser.all(".p-datepicker-panel").stream()
        .filter(WebElement::isDisplayed)
        .toList()
        .isEmpty();
  }

  private static void assertSameLine(WebElement input, WebElement button) {
    int inputMiddle = input.getLocation().getY() + input.getSize().getHeight() / 2;
    int buttonMiddle = button.getLocation().getY() + button.getSize().getHeight() / 2;
    assertTrue(
        Math.abs(inputMiddle - buttonMiddle) <= 4,
        "on one line: " + inputMiddle + " vs " + buttonMiddle);
    assertTrue(
        button.getLocation().getX() >= input.getLocation().getX() + input.getSize().getWidth() - 2,
        "the button follows the input");
  }

  private JsonObject onlyOne(String title) {
    var page = Api.get(editorToken, "/api/interactions?title=" + title.replace(" ", "+")).json();
    var items = page.getJsonArray("data");
    assertEquals(1, items.size(), page.toString());
    return items.getJsonObject(0);
  }

  private void waitForSummary(String text) {
    until(d -> d.findElement(By.id("summary")).getText().contains(text));
  }

  private void waitForSummaryListing(String label) {
    until(
        d ->
            !d.findElements(By.id("errorSummary")).isEmpty()
                && d.findElement(By.id("errorSummary")).getText().contains(label + ":"));
  }

  private List<String> titles() {
    return browser.all(".finder-rows tbody a.row-open").stream().map(WebElement::getText).toList();
  }

  private List<String> visibleZoneItems() {
    return browser.all("[id='interaction:timezone_items'] li").stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .toList();
  }

  /**
   * The table as laid out now: each visible heading's width, row heights, rows whose bottom is
   * above the fold, headings and date or zone cells whose text is cut.
   */
  private Map<?, ?> tableLayout() {
    return (Map<?, ?>)
        js().executeScript(
                "var heads = Array.from(document.querySelectorAll('.finder-rows thead th'))"
                    + "  .filter(function (th) { return th.offsetParent !== null; });"
                    + " var widths = {};"
                    + " heads.forEach(function (th) {"
                    + "   var t = th.querySelector('.ui-column-title');"
                    + "   widths[(t || th).textContent.trim()] = th.getBoundingClientRect().width; });"
                    + " var rows = Array.from(document.querySelectorAll('.finder-rows tbody tr'));"
                    + " var cut = function (el) { return el.scrollWidth > el.clientWidth + 1; };"
                    + " return {"
                    + "  columns: heads.map(function (th) {"
                    + "    var t = th.querySelector('.ui-column-title');"
                    + "    return (t || th).textContent.trim(); }),"
                    + "  columnWidths: widths,"
                    + "  rowHeights: rows.map(function (r) { return r.getBoundingClientRect().height; }),"
                    + "  rowsAboveFold: rows.filter(function (r) {"
                    + "    return r.getBoundingClientRect().bottom <= window.innerHeight; }).length,"
                    + "  cutHeadings: heads.filter(function (th) {"
                    + "    var t = th.querySelector('.ui-column-title'); return t && cut(th); })"
                    + "    .map(function (th) { return th.textContent.trim(); }),"
                    + "  cutDatesAndZones: Array.from(document.querySelectorAll("
                    + "    '.finder-rows td.col-start, .finder-rows td.col-end, .finder-rows td.col-zone'))"
                    + "    .filter(function (td) { return td.offsetParent !== null && cut(td); })"
                    + "    .map(function (td) { return td.textContent.trim(); })"
                    + " };");
  }

  private void assertNoHorizontalOverflow() {
    Object fits =
        js().executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    assertEquals(Boolean.TRUE, fits, "horizontal overflow");
  }

  private void axeAtEveryWidth(String page) {
    try {
      for (int width : WIDTHS) {
        browser.resize(width, 900);
        Axe.assertNoSeriousViolations(browser.driver(), page + " at " + width + " px");
      }
    } finally {
      browser.resize(1280, 900);
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  /** Waits until no PrimeFaces request is queued or running. */
  private void ajaxDone() {
    until(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
  }

  private void until(Function<WebDriver, Boolean> done) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(done::apply);
  }
}
