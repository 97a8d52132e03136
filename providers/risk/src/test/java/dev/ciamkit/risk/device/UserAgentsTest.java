package dev.ciamkit.risk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ua_parser.Parser;

class UserAgentsTest {

    // Built once: the regex table takes ~250 ms to load.
    private static UserAgents agents;

    @BeforeAll
    static void parser() {
        agents = UserAgents.create();
    }

    @Test
    void names_chrome_on_windows() {
        Browser b = agents.parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36");
        assertThat(b).isEqualTo(new Browser("Chrome", "131", "Windows"));
        assertThat(b.familyAndMajor()).isEqualTo("Chrome 131");
    }

    @Test
    void names_safari_on_an_iphone() {
        Browser b = agents.parse("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
        assertThat(b.family()).isEqualTo("Mobile Safari");
        assertThat(b.major()).isEqualTo("17");
        assertThat(b.os()).isEqualTo("iOS");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "garbage \u0000\uFFFF <script>", "curl"})
    void anything_else_is_other_or_named_without_failing(String agent) {
        Browser b = agents.parse(agent);
        assertThat(b.family()).isNotBlank();
        assertThat(b.os()).isEqualTo("Other");
    }

    @Test
    void garbage_is_other() {
        assertThat(agents.parse("garbage")).isEqualTo(Browser.other());
    }

    @Test
    void an_oversized_agent_is_cut_before_parsing() {
        Browser b = agents.parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0 " + "x".repeat(9000));
        assertThat(b.family()).isEqualTo("Chrome");
    }

    @Test
    void a_parser_that_throws_reads_as_other() {
        Parser broken = mock(Parser.class);
        given(broken.parse(anyString())).willThrow(new IllegalStateException("boom"));
        assertThat(UserAgents.using(broken).parse("Mozilla/5.0")).isEqualTo(Browser.other());
    }
}
