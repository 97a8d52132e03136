package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Keycloak's "try another way" list (select-authenticator.ftl). */
public final class SelectAuthenticatorPage {

    private static final By OPTION = By.cssSelector("[role=button] h2");

    private final Browser browser;

    public SelectAuthenticatorPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("kc-select-credential-form")));
    }

    public List<String> options() {
        return browser.driver().findElements(OPTION).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .toList();
    }

    public void choose(String option) {
        browser.driver().findElements(OPTION).stream()
                .filter(o -> o.getText().trim().equals(option))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no option " + option))
                .click();
    }
}
