package io.mensageria.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver: a JUnit extension that opens a browser with a profile
 * of its own before each test and closes it, profile deleted, after.
 */
final class HeadlessChromium implements BeforeEachCallback, AfterEachCallback {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("mensageria.screenshots", "target"));

    private ChromeDriver driver;
    private Path profile;

    /** The browser of the running test. */
    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void beforeEach(ExtensionContext test) throws IOException {
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
        driver = new ChromeDriver(service, options);
    }

    /** The page as it is now, as target/NAME.png, for a person to look at. */
    void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext test) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
