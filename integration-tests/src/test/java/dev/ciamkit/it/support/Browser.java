package dev.ciamkit.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium with a fresh profile per instance (Keycloak remembers the locale in a cookie, so cases
 * must not share one) and the browser language set the way a user's browser would send it.
 */
public final class Browser implements AutoCloseable {

    private static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** @param acceptLanguage what the browser asks for, e.g. {@code ko-KR,ko;q=0.9} */
    public static Browser open(String acceptLanguage) throws IOException {
        return open(acceptLanguage, List.of());
    }

    /**
     * A browser whose camera is Chromium's fake device (a generated moving picture) and which grants the camera
     * without asking, so a page's {@code getUserMedia} works headless.
     */
    public static Browser withFakeCamera(String acceptLanguage) throws IOException {
        return open(acceptLanguage, List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"));
    }

    private static Browser open(String acceptLanguage, List<String> extra) throws IOException {
        Path profile = Files.createTempDirectory("ciamkit-chrome-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chrome.binary", "/usr/bin/chromium"));
        options.addArguments(FLAGS);
        options.addArguments(extra);
        options.addArguments(
                "--user-data-dir=" + profile,
                "--lang=" + acceptLanguage.split("[,;]")[0],
                "--accept-lang=" + acceptLanguage,
                "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Clicks a control that submits the page and returns once the browser has left it, so the next page object never
     * reads a node of the page being replaced (Chrome then answers "Node ... does not belong to the document").
     */
    public void clickAndLeave(WebElement control) {
        WebElement page = driver.findElement(By.tagName("html"));
        control.click();
        awaitGone(page);
    }

    /**
     * Waits until the element's page has been replaced. Chrome answers a read of a node whose document is being
     * replaced either as a stale element or with "Node with given id does not belong to the document"; both mean gone.
     */
    public void awaitGone(WebElement element) {
        waiting().until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a PNG under target/screenshots/ for people to review; returns its path. */
    public Path screenshot(String name) throws IOException {
        Path dir = KeycloakServerExtension.TestPaths.outputDir().resolve("screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        KeycloakServer.deleteRecursively(profile);
    }
}
