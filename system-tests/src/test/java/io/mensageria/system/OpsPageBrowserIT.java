package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The operator page in a real browser (Debian's headless Chromium): a request's trace, lane by lane. */
class OpsPageBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("mensageria.screenshots", "target"));
    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                // Flags for a sandbox without network: no background traffic, no first-run work.
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,1000",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
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

        Files.write(SCREENSHOTS.resolve("ops-trace.png"), browser.getScreenshotAs(OutputType.BYTES));
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
        Files.write(SCREENSHOTS.resolve("ops-instances.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aDeadLettersDetailShowsEveryAttemptWithItsError() throws Exception {
        String id = DeadLetterDetailSystemIT.deadLetteredPurchase();

        URI app = URI.create(Stack.APP);
        browser.get("http://ops:" + Stack.OPS_PASSWORD + "@" + app.getHost() + ":" + app.getPort() + "/ops/");
        browser.findElement(By.cssSelector("nav button[data-tab='dead']")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-id='" + id + "'] button")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dead-letter-" + id)));

        List<String> attempts = browser.findElements(By.cssSelector("#dead-letter-" + id + " .failure")).stream()
                .map(WebElement::getText)
                .toList();
        int expected = Stack.json(Stack.getAsOps(Stack.APP + "/ops/dead-letters/" + id))
                .getInt("attempts");
        assertEquals(expected, attempts.size(), attempts.toString());
        assertTrue(attempts.stream().allMatch(a -> a.contains("CardNotYetKnown")), attempts.toString());
        Files.write(SCREENSHOTS.resolve("ops-dead-letter.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
