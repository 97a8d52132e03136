package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Keycloak's username-and-password page as the ciamkit theme renders it. */
public final class LoginPage {

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
    }

    public String language() {
        return driver().findElement(By.tagName("html")).getAttribute("lang");
    }

    public String submitLabel() {
        return driver().findElement(By.id("kc-login")).getText().trim();
    }

    public String tagline() {
        return driver().findElement(By.className("ciamkit-tagline")).getText().trim();
    }

    public boolean usesCiamkitStylesheet() {
        return driver().findElements(By.cssSelector("link[href$='/login/ciamkit/css/ciamkit.css']"))
                        .size()
                == 1;
    }

    public String primaryButtonColour() {
        return driver().findElement(By.id("kc-login")).getCssValue("background-color");
    }

    /** Types the username unless the page already knows it (re-authentication shows only the password). */
    public void signIn(String username, String password) {
        driver().findElements(By.id("username")).forEach(field -> field.sendKeys(username));
        driver().findElement(By.id("password")).sendKeys(password);
        browser.clickAndLeave(driver().findElement(By.id("kc-login")));
    }

    private WebDriver driver() {
        return browser.driver();
    }
}
