package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API reference page (/api/docs/) in a real browser, through the proxy, as a newcomer uses it: it
 * lists the operations of the published document; signing in with "Try it out" gives a token, which
 * "Authorize" hands to a bearer route, called through the proxy too.
 */
class ApiDocsBrowserIT {

    @RegisterExtension
    final HeadlessChromium chromium = new HeadlessChromium();

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @Test
    void thePageListsEveryPublicOperationFromThePublishedDocument() {
        browser.get(Stack.PROXY + "/api/docs/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("operations-accounts-register")));

        List<String> operations = browser.findElements(By.cssSelector(".opblock")).stream()
                .map(block -> block.getAttribute("id"))
                .toList();
        for (String operation : List.of(
                "operations-accounts-register",
                "operations-accounts-signIn",
                "operations-accounts-getUser",
                "operations-wallet-addCard",
                "operations-subscriptions-purchase",
                "operations-ops-getTrace")) {
            assertTrue(operations.contains(operation), operation + " in " + operations);
        }
        assertTrue(
                browser.findElement(By.cssSelector(".servers select")).getText().contains(Stack.PROXY));
        chromium.screenshot("api-docs");
    }

    @Test
    void aUserSignsInAndCallsABearerRouteFromThePage() {
        Account ana = Account.register("Ana Lima");
        browser.get(Stack.PROXY + "/api/docs/");

        WebElement signIn = expand("operations-accounts-signIn");
        signIn.findElement(By.cssSelector(".try-out__btn")).click();
        WebElement body = signIn.findElement(By.cssSelector("textarea.body-param__text"));
        body.clear();
        body.sendKeys(Account.signInBody(ana.email(), ana.password()));
        JsonObject session = Stack.parse(execute(signIn, "200")).asJsonObject();
        assertEquals(ana.id(), session.getString("userId"));

        browser.findElement(By.cssSelector(".auth-wrapper .authorize")).click();
        WebElement dialog =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dialog-ux .modal-ux")));
        dialog.findElement(By.cssSelector("input[type='text']")).sendKeys(session.getString("token"));
        dialog.findElement(By.cssSelector("button.authorize")).click();
        dialog.findElement(By.cssSelector("button.btn-done")).click();

        WebElement getUser = expand("operations-accounts-getUser");
        getUser.findElement(By.cssSelector(".try-out__btn")).click();
        getUser.findElement(By.cssSelector("input[placeholder='userId']")).sendKeys(ana.id());
        JsonObject user = Stack.parse(execute(getUser, "200")).asJsonObject();
        assertEquals(ana.email(), user.getString("email"));
        chromium.screenshot("api-docs-try-it");
    }

    private WebElement expand(String operationId) {
        WebElement operation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(operationId)));
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(operation, By.cssSelector(".try-out")));
        return operation;
    }

    /** Presses Execute and returns the answer's body once the page shows the expected status. */
    private String execute(WebElement operation, String status) {
        operation.findElement(By.cssSelector("button.execute")).click();
        By answer = By.cssSelector(".live-responses-table .response .response-col_status");
        wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(operation, answer));
        assertEquals(
                status,
                operation.findElement(answer).getText().trim(),
                operation.findElement(By.cssSelector(".live-responses-table")).getText());
        return operation
                .findElement(By.cssSelector(".live-responses-table .response-col_description pre"))
                .getText();
    }
}
