package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator page in a real browser (Debian's headless Chromium): a request's trace, lane by lane,
 * the instances, a dead letter whole and its editor, and a consumer paused and resumed.
 */
class OpsPageBrowserIT {

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium();

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = chromium.driver();
    }

    @Test
    void aRegistrationsTraceShowsALaneForEachServiceWithItsLogLines() throws Exception {
        HttpResponse<String> registered = Stack.postJson(
                Stack.PROXY + "/api/users",
                Stack.registration("Ana Lima", "page-" + UUID.randomUUID() + "@example.com", "a long enough secret"));
        String traceId = registered.headers().firstValue("X-Trace-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> trace = Stack.getAsOps(Stack.APP + "/ops/traces/" + traceId);
            // Every service's spans and log lines: on several instances they are stored at different moments.
            return trace.statusCode() == 200
                    && Stream.of("Registered user", "Opened billing account", "Sent welcome notification")
                            .allMatch(trace.body()::contains)
                    && Stream.of("accounts", "billing", "notifications")
                            .allMatch(service -> trace.body().contains("\"service\":\"" + service + "\""));
        });

        URI app = URI.create(Stack.APP);
        browser.get("http://ops:" + Stack.OPS_PASSWORD + "@" + app.getHost() + ":" + app.getPort() + "/ops/#trace="
                + traceId);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".lane[data-service='notifications']")));

        List<WebElement> lanes = browser.findElements(By.cssSelector(".lane"));
        Set<String> services =
                lanes.stream().map(l -> l.getAttribute("data-service")).collect(Collectors.toSet());
        assertTrue(services.containsAll(Set.of("accounts", "billing", "notifications")), services.toString());
        assertTrue(browser.findElement(By.id("trace-summary")).getText().contains(traceId));
        String logs = browser.findElements(By.cssSelector(".log-line")).stream()
                .map(WebElement::getText)
                .collect(Collectors.joining("\n"));
        assertTrue(logs.contains("Registered user"), logs);
        assertTrue(logs.contains("Opened billing account"), logs);
        assertTrue(logs.contains("Sent welcome notification"), logs);
        assertEquals(0, browser.findElements(By.cssSelector(".span-bar.error")).size(), "nothing failed");

        chromium.screenshot("ops-trace");
    }

    @Test
    void theInstancesViewListsEveryInstanceWithItsHealth() throws Exception {
        Set<String> instances = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Ops.instances().stream()
                                .map(i -> i.getString("name"))
                                .collect(Collectors.toSet()),
                        names -> !names.isEmpty());

        URI app = URI.create(Stack.APP);
        browser.get("http://ops:" + Stack.OPS_PASSWORD + "@" + app.getHost() + ":" + app.getPort() + "/ops/");
        browser.findElement(By.cssSelector("nav button[data-tab='instances']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#instances-rows tr td .badge")));

        List<String> rows = browser.findElements(By.cssSelector("#instances-rows tr")).stream()
                .map(WebElement::getText)
                .toList();
        for (String instance : instances) {
            assertTrue(
                    rows.stream().anyMatch(row -> row.startsWith(instance + " ") && row.endsWith("UP")),
                    instance + " listed UP in " + rows);
        }
        chromium.screenshot("ops-instances");
    }

    @Test
    void theConsumersViewPausesAndResumesAConsumer() throws Exception {
        URI app = URI.create(Stack.APP);
        browser.get("http://ops:" + Stack.OPS_PASSWORD + "@" + app.getHost() + ":" + app.getPort() + "/ops/");
        browser.findElement(By.cssSelector("nav button[data-tab='consumers']")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        By row = By.cssSelector("tr[data-consumer='notifications']");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("tr[data-consumer='notifications'] .reason")))
                .sendKeys("paused from the page");
        try {
            browser.findElement(row)
                    .findElement(By.xpath(".//button[text()='Pause']"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "paused from the page"));
            assertEquals(
                    1,
                    browser.findElement(row)
                            .findElements(By.cssSelector("svg.chart"))
                            .size());
            JsonObject paused = ConsumerControlSystemIT.consumer("notifications");
            assertEquals(
                    List.of("PAUSED", "paused from the page"),
                    List.of(paused.getString("state"), paused.getString("pausedReason")));
            chromium.screenshot("ops-consumers");

            browser.findElement(row)
                    .findElement(By.xpath(".//button[text()='Resume']"))
                    .click();
            wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(row, By.xpath(".//button[text()='Pause']")));
            assertEquals(
                    "RUNNING", ConsumerControlSystemIT.consumer("notifications").getString("state"));
        } finally {
            Stack.postJsonAsOps(Stack.APP + "/ops/consumers/notifications/resume");
        }
    }

    @Test
    void aDeadLettersDetailShowsEveryAttemptWithItsError() throws Exception {
        String id = DeadLetterDetailSystemIT.deadLetteredPurchase();

        WebDriverWait wait = openDetailOf(id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dead-letter-" + id)));

        List<String> attempts = browser.findElements(By.cssSelector("#dead-letter-" + id + " .failure")).stream()
                .map(WebElement::getText)
                .toList();
        int expected = Stack.json(Stack.getAsOps(Stack.APP + "/ops/dead-letters/" + id))
                .getInt("attempts");
        assertEquals(expected, attempts.size(), attempts.toString());
        assertTrue(attempts.stream().allMatch(a -> a.contains("CardNotYetKnown")), attempts.toString());
        chromium.screenshot("ops-dead-letter");
    }

    @Test
    void theEditorRefusesAnInvalidPayloadByFieldAndSendsACorrectedCopy() throws Exception {
        String id = DeadLetterDetailSystemIT.deadLetteredPurchase();

        WebDriverWait wait = openDetailOf(id);
        WebElement editor = wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#dead-letter-" + id + " .editor")));
        String original = editor.getAttribute("value");
        WebElement send = browser.findElement(By.xpath("//button[text()='Send corrected copy']"));
        By errors = By.cssSelector("#dead-letter-" + id + " .editor-errors");

        editor.clear();
        editor.sendKeys("{\"planId\": ");
        send.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(errors, "Not JSON"));

        editor.clear();
        editor.sendKeys(original.replaceFirst("\"planId\": \"[^\"]*\",?", ""));
        send.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(errors, "payload.planId is required"));
        chromium.screenshot("ops-dead-letter-editor");
        assertEquals("PENDING", letterState(id), "a refused edit changes nothing");

        editor.clear();
        editor.sendKeys(original);
        send.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(errors, "Sent as event"));
        assertEquals("EDITED", letterState(id));
    }

    /** The ops page's dead letters, with this one's Detail opened. */
    private WebDriverWait openDetailOf(String id) {
        URI app = URI.create(Stack.APP);
        browser.get("http://ops:" + Stack.OPS_PASSWORD + "@" + app.getHost() + ":" + app.getPort() + "/ops/");
        browser.findElement(By.cssSelector("nav button[data-tab='dead']")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-id='" + id + "'] button")))
                .click();
        return wait;
    }

    private static String letterState(String id) {
        return Stack.json(Stack.getAsOps(Stack.APP + "/ops/dead-letters/" + id)).getString("state");
    }
}
