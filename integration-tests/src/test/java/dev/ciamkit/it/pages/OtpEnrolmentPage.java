package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Our enrolment page (ciamkit-otp-enrol.ftl). */
public final class OtpEnrolmentPage {

    private final Browser browser;

    public OtpEnrolmentPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ciamkit-qr")));
    }

    public static boolean isShown(Browser browser) {
        return !browser.driver().findElements(By.id("ciamkit-qr")).isEmpty();
    }

    public String qrDataUri() {
        return browser.driver().findElement(By.id("ciamkit-qr")).getAttribute("src");
    }

    public String key() {
        return text("ciamkit-key");
    }

    public String policy() {
        return text("ciamkit-policy");
    }

    public String apps() {
        return text("ciamkit-apps");
    }

    public void register(String code, String label) {
        WebElement otp = browser.driver().findElement(By.id("otp"));
        otp.clear();
        otp.sendKeys(code);
        if (label != null) {
            browser.driver().findElement(By.id("label")).sendKeys(label);
        }
        browser.clickAndLeave(browser.driver().findElement(By.id("ciamkit-enrol-submit")));
    }

    public boolean offersSmsLink() {
        return !browser.driver().findElements(By.id("ciamkit-send-link")).isEmpty();
    }

    public void sendSmsLink() {
        WebElement button = browser.driver().findElement(By.id("ciamkit-send-link"));
        button.click();
        // The answer is the same page again: wait for the new one, not the old one's QR code.
        browser.awaitGone(button);
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ciamkit-qr")));
    }

    public String fieldError() {
        List<WebElement> errors = browser.driver().findElements(By.id("ciamkit-otp-error"));
        return errors.isEmpty() ? "" : errors.get(0).getText().trim();
    }

    public String alert() {
        List<WebElement> alerts =
                browser.driver().findElements(By.cssSelector(".pf-v5-c-alert__title, .kc-feedback-text"));
        return alerts.isEmpty() ? "" : alerts.get(0).getText().trim();
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText().trim();
    }
}
