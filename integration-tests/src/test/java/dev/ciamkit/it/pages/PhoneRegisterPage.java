package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Our phone registration action (ciamkit-phone-register.ftl): the number stage, then the code stage. */
public final class PhoneRegisterPage {

    private final Browser browser;

    public PhoneRegisterPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ciamkit-phone")));
    }

    public String stage() {
        return browser.driver().findElement(By.id("ciamkit-phone")).getAttribute("data-stage");
    }

    /** Types a number and asks for the code; returns once the next page is shown. */
    public PhoneRegisterPage number(String typed) {
        WebElement phone = browser.driver().findElement(By.id("phone"));
        phone.clear();
        phone.sendKeys(typed);
        browser.clickAndLeave(browser.driver().findElement(By.id("ciamkit-phone-send")));
        return new PhoneRegisterPage(browser);
    }

    /** Types the code and submits; returns once the browser has left this page. */
    public void code(String code) {
        WebElement input = browser.driver().findElement(By.id("code"));
        input.clear();
        input.sendKeys(code);
        browser.clickAndLeave(browser.driver().findElement(By.id("ciamkit-phone-verify")));
    }

    public PhoneRegisterPage resend() {
        browser.clickAndLeave(browser.driver().findElement(By.id("ciamkit-phone-resend")));
        return new PhoneRegisterPage(browser);
    }

    /** The error under the number or code field, or the page's alert. */
    public String error() {
        for (String id : List.of("ciamkit-phone-error", "ciamkit-code-error")) {
            List<WebElement> errors = browser.driver().findElements(By.id(id));
            if (!errors.isEmpty()) {
                return errors.get(0).getText().trim();
            }
        }
        return alert();
    }

    public String alert() {
        List<WebElement> alerts =
                browser.driver().findElements(By.cssSelector(".pf-v5-c-alert__title, .kc-feedback-text"));
        return alerts.isEmpty() ? "" : alerts.get(0).getText().trim();
    }

    public String pendingText() {
        return browser.driver()
                .findElement(By.id("ciamkit-phone-pending"))
                .getText()
                .trim();
    }
}
