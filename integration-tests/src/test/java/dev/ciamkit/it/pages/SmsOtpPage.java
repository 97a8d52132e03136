package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Our SMS OTP login step (ciamkit-sms-otp.ftl). */
public final class SmsOtpPage {

    private final Browser browser;

    public SmsOtpPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ciamkit-sms-otp-form")));
    }

    /** Types the code and submits; returns once the browser has left this page. */
    public void enter(String code) {
        WebElement input = browser.driver().findElement(By.id("code"));
        input.clear();
        input.sendKeys(code);
        browser.clickAndLeave(browser.driver().findElement(By.id("kc-login")));
    }

    public SmsOtpPage resend() {
        browser.clickAndLeave(browser.driver().findElement(By.id("ciamkit-sms-resend")));
        return new SmsOtpPage(browser);
    }

    public String error() {
        List<WebElement> errors = browser.driver().findElements(By.id("ciamkit-code-error"));
        return errors.isEmpty() ? alert() : errors.get(0).getText().trim();
    }

    public String alert() {
        List<WebElement> alerts =
                browser.driver().findElements(By.cssSelector(".pf-v5-c-alert__title, .kc-feedback-text"));
        return alerts.isEmpty() ? "" : alerts.get(0).getText().trim();
    }
}
