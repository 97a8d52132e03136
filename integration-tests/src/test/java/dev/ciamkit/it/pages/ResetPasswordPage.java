package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Keycloak's "forgot your password?" page (login-reset-password.ftl): the username the reset email goes to. */
public final class ResetPasswordPage {

    private final Browser browser;

    public ResetPasswordPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-reset-password-form")));
    }

    /** Follows the login page's "forgot password" link. */
    public static ResetPasswordPage from(LoginPage login, Browser browser) {
        browser.driver()
                .findElement(By.cssSelector("a[href*='reset-credentials']"))
                .click();
        return new ResetPasswordPage(browser);
    }

    public void request(String username) {
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.clickAndLeave(browser.driver().findElement(By.id("kc-form-buttons")));
    }
}
