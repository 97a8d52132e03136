package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Our PIN + mobile OTP login step (ciamkit-pin-otp.ftl). */
public final class PinOtpLoginPage {

    private final Browser browser;

    public PinOtpLoginPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ciamkit-pin-otp-form")));
    }

    public static boolean isShown(Browser browser) {
        return !browser.driver().findElements(By.id("ciamkit-pin-otp-form")).isEmpty();
    }

    /** Types PIN and code and submits; returns once the browser has left this page. */
    public void enter(String pin, String code) {
        WebElement form = browser.driver().findElement(By.id("ciamkit-pin-otp-form"));
        type("pin", pin);
        type("otp", code);
        browser.driver().findElement(By.id("kc-login")).click();
        browser.awaitGone(form);
    }

    public String error() {
        List<WebElement> errors = browser.driver().findElements(By.id("ciamkit-pin-otp-error"));
        return errors.isEmpty() ? "" : errors.get(0).getText().trim();
    }

    private void type(String id, String value) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
