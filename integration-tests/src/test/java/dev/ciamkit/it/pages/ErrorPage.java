package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Keycloak's error page (error.ftl), where a refused request ends. */
public final class ErrorPage {

    private final Browser browser;

    public ErrorPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-error-message")));
    }

    public String message() {
        return browser.driver().findElement(By.id("kc-error-message")).getText().trim();
    }
}
