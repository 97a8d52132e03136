package dev.ciamkit.it.pages;

import dev.ciamkit.it.support.Browser;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Our eKYC pages, one object per template: each checks that the browser shows its template's form. Submitting waits
 * until the browser has left the page, so the next page object sees the next page.
 */
public abstract class EkycPage {

    protected final Browser browser;
    private final String formId;

    protected EkycPage(Browser browser, String formId) {
        this.browser = browser;
        this.formId = formId;
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(formId)));
    }

    public static boolean shows(Browser browser, String formId) {
        return !browser.driver().findElements(By.id(formId)).isEmpty();
    }

    /** The message under a field, or "". */
    public String fieldError(String field) {
        List<WebElement> errors = browser.driver().findElements(By.id("ciamkit-ekyc-" + field + "-error"));
        return errors.isEmpty() ? "" : errors.get(0).getText().trim();
    }

    /** The page's alert (a message not tied to one field), or "". */
    public String alert() {
        List<WebElement> alerts =
                browser.driver().findElements(By.cssSelector(".pf-v5-c-alert__title, .kc-feedback-text"));
        return alerts.isEmpty() ? "" : alerts.get(0).getText().trim();
    }

    /** The "start again" button under the form: back to the ID page. */
    public void startAgain() {
        WebElement form = browser.driver().findElement(By.id(formId));
        browser.driver().findElement(By.id("ciamkit-ekyc-restart")).click();
        browser.awaitGone(form);
    }

    protected void submit(String buttonId) {
        WebElement form = browser.driver().findElement(By.id(formId));
        browser.driver().findElement(By.id(buttonId)).click();
        browser.awaitGone(form);
    }

    /**
     * Takes the photo with the browser camera (the page's "use the camera" and "take the photo" buttons) and waits
     * until the page has put it into the file field.
     */
    public void photograph(String field) {
        WebElement box = browser.driver().findElement(By.cssSelector("[data-ciamkit-camera='" + field + "']"));
        browser.waiting().until(d -> box.isDisplayed());
        box.findElement(By.className("ciamkit-camera-start")).click();
        WebElement shoot = box.findElement(By.className("ciamkit-camera-shoot"));
        browser.waiting().until(d -> shoot.isDisplayed());
        browser.waiting()
                .until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                                        .executeScript(
                                                "return arguments[0].videoWidth;",
                                                box.findElement(By.tagName("video"))))
                                .intValue()
                        > 0);
        shoot.click();
        browser.waiting()
                .until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                                        .executeScript(
                                                "return document.getElementById(arguments[0]).files.length;", field))
                                .intValue()
                        == 1);
    }

    protected void upload(String field, Path file) {
        browser.driver()
                .findElement(By.id(field))
                .sendKeys(file.toAbsolutePath().toString());
    }

    /** ciamkit-ekyc-id.ftl */
    public static final class IdPage extends EkycPage {
        public static final String FORM = "ciamkit-ekyc-id-form";

        public IdPage(Browser browser) {
            super(browser, FORM);
        }

        public void send(Path idImage) {
            upload("idImage", idImage);
            submit("ciamkit-ekyc-submit");
        }

        public void sendFromCamera() {
            photograph("idImage");
            submit("ciamkit-ekyc-submit");
        }
    }

    /** ciamkit-ekyc-confirm.ftl: the fields read from the ID (until checked) and the selfie. */
    public static final class ConfirmPage extends EkycPage {
        public static final String FORM = "ciamkit-ekyc-confirm-form";

        public ConfirmPage(Browser browser) {
            super(browser, FORM);
        }

        public String value(String field) {
            return browser.driver().findElement(By.id(field)).getAttribute("value");
        }

        public String text(String id) {
            return browser.driver().findElement(By.id(id)).getText().trim();
        }

        public boolean hasField(String id) {
            return !browser.driver().findElements(By.id(id)).isEmpty();
        }

        public void name(String family, String given) {
            for (var field :
                    java.util.Map.of("familyName", family, "givenName", given).entrySet()) {
                WebElement input = browser.driver().findElement(By.id(field.getKey()));
                input.clear();
                input.sendKeys(field.getValue());
            }
        }

        public boolean asksForFields() {
            return !browser.driver().findElements(By.id("familyName")).isEmpty();
        }

        public void verifyWithSelfie(Path selfie) {
            upload("selfie", selfie);
            submit("ciamkit-ekyc-submit");
        }

        public void verifyWithCameraSelfie() {
            photograph("selfie");
            submit("ciamkit-ekyc-submit");
        }

        public void useAccountInstead() {
            submit("ciamkit-ekyc-use-account");
        }
    }

    /** ciamkit-ekyc-account.ftl */
    public static final class AccountPage extends EkycPage {
        public static final String FORM = "ciamkit-ekyc-account-form";

        public AccountPage(Browser browser) {
            super(browser, FORM);
        }

        public void send(String bankCode, String accountNumber) {
            new Select(browser.driver().findElement(By.id("bank"))).selectByValue(bankCode);
            WebElement number = browser.driver().findElement(By.id("accountNumber"));
            number.clear();
            number.sendKeys(accountNumber);
            submit("ciamkit-ekyc-submit");
        }
    }

    /** ciamkit-ekyc-code.ftl */
    public static final class CodePage extends EkycPage {
        public static final String FORM = "ciamkit-ekyc-code-form";

        public CodePage(Browser browser) {
            super(browser, FORM);
        }

        public void enter(String code) {
            WebElement field = browser.driver().findElement(By.id("code"));
            field.clear();
            field.sendKeys(code);
            submit("ciamkit-ekyc-submit");
        }
    }

    /** ciamkit-ekyc-ended.ftl */
    public static final class EndedPage extends EkycPage {
        public static final String FORM = "ciamkit-ekyc-restart-form";

        public EndedPage(Browser browser) {
            super(browser, FORM);
            if (shows(browser, IdPage.FORM) || shows(browser, ConfirmPage.FORM)) {
                throw new AssertionError("not the ended page");
            }
        }
    }
}
