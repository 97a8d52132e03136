package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.pages.LoginPage;
import dev.ciamkit.it.support.Browser;
import dev.ciamkit.it.support.DemoApp;
import dev.ciamkit.it.support.KeycloakServerExtension;
import dev.ciamkit.it.support.Oidc;
import dev.ciamkit.it.support.Oidc.Pkce;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The login page speaks the browser's language; ui_locales wins; anything else gets the realm default, Korean. */
@ExtendWith(KeycloakServerExtension.class)
class LoginLocaleIT {

    @ParameterizedTest(name = "{0} with ui_locales={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ko-KR,ko;q=0.9       | -  | ko | 로그인     | 안전한 고객 인증 서비스
            ja-JP,ja;q=0.9       | -  | ja | サインイン | 安全なお客様認証サービス
            en-US,en;q=0.9       | -  | en | Sign In    | Secure sign-in for your accounts
            fr-FR,fr;q=0.9       | -  | ko | 로그인     | 안전한 고객 인증 서비스
            ko-KR,ko;q=0.9       | ja | ja | サインイン | 安全なお客様認証サービス
            """)
    void the_login_page_follows_the_language(
            String acceptLanguage, String uiLocales, String expectedLang, String submitLabel, String tagline)
            throws IOException {
        Map<String, String> params = new HashMap<>();
        Pkce pkce = Pkce.create();
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        if (uiLocales != null) {
            params.put("ui_locales", uiLocales);
        }

        try (Browser browser = Browser.open(acceptLanguage)) {
            browser.driver().get(Oidc.authorizationUrl(DemoApp.REDIRECT_URI, "locale", params));
            LoginPage login = new LoginPage(browser);
            browser.screenshot("login-" + acceptLanguage.substring(0, 2) + "-ui_locales-" + uiLocales);

            assertThat(login.language()).isEqualTo(expectedLang);
            assertThat(login.submitLabel()).isEqualTo(submitLabel);
            assertThat(login.tagline()).isEqualTo(tagline);
        }
    }
}
