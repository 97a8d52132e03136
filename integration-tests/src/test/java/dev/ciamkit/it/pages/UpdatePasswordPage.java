package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Keycloak's new-password page (login-update-password.ftl), where a reset ends. */
public final class UpdatePasswordPage {

    private final Browser browser;

    public UpdatePasswordPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
    }

    public static boolean isShown(Browser browser) {
        return !browser.driver().findElements(By.id("password-new")).isEmpty();
    }

    public void update(String password) {
        browser.driver().findElement(By.id("password-new")).sendKeys(password);
        browser.driver().findElement(By.id("password-confirm")).sendKeys(password);
        browser.clickAndLeave(browser.driver().findElement(By.id("kc-submit")));
    }
}
