package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Our PIN set and change page (ciamkit-pin-register.ftl). */
public final class PinRegisterPage {

    private final Browser browser;

    public PinRegisterPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ciamkit-pin-register-form")));
    }

    public static boolean isShown(Browser browser) {
        return !browser.driver()
                .findElements(By.id("ciamkit-pin-register-form"))
                .isEmpty();
    }

    public String hint() {
        return browser.driver().findElement(By.id("ciamkit-pin-hint")).getText().trim();
    }

    /** Types the PIN twice (or a different confirmation) and submits; returns once the page is replaced. */
    public void set(String pin, String confirmation) {
        WebElement form = browser.driver().findElement(By.id("ciamkit-pin-register-form"));
        type("pin", pin);
        type("pinConfirm", confirmation);
        browser.driver().findElement(By.id("ciamkit-pin-submit")).click();
        browser.awaitGone(form);
    }

    public void set(String pin) {
        set(pin, pin);
    }

    /** The message under the PIN or the confirmation, whichever has one. */
    public String error() {
        for (String id : List.of("ciamkit-pin-error", "ciamkit-pin-confirm-error")) {
            List<WebElement> errors = browser.driver().findElements(By.id(id));
            if (!errors.isEmpty()) {
                return errors.get(0).getText().trim();
            }
        }
        return "";
    }

    private void type(String id, String value) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
