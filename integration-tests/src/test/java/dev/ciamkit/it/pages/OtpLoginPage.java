package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Our mobile-OTP login step (ciamkit-otp-form.ftl). */
public final class OtpLoginPage {

    private final Browser browser;

    public OtpLoginPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ciamkit-otp-form")));
    }

    public static boolean isShown(Browser browser) {
        return !browser.driver().findElements(By.id("ciamkit-otp-form")).isEmpty();
    }

    public List<String> deviceLabels() {
        return browser.driver().findElements(By.cssSelector(".ciamkit-device label")).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
    }

    public void choose(String label) {
        for (WebElement device : browser.driver().findElements(By.cssSelector(".ciamkit-device"))) {
            if (device.findElement(By.tagName("label")).getText().trim().equals(label)) {
                device.findElement(By.tagName("input")).click();
                return;
            }
        }
        throw new AssertionError("no device labelled " + label);
    }

    /** Types the code and submits; returns once the browser has left this page, so the next page object sees the next page. */
    public void enter(String code) {
        WebElement form = browser.driver().findElement(By.id("ciamkit-otp-form"));
        WebElement otp = browser.driver().findElement(By.id("otp"));
        otp.clear();
        otp.sendKeys(code);
        browser.driver().findElement(By.id("kc-login")).click();
        browser.awaitGone(form);
    }

    /** The layout's "restart login" button next to the username: leaves the flow for a fresh login. */
    public void restart() {
        browser.driver().findElement(By.id("reset-login")).click();
    }

    public String error() {
        List<WebElement> errors = browser.driver().findElements(By.id("ciamkit-otp-error"));
        return errors.isEmpty() ? "" : errors.get(0).getText().trim();
    }
}
