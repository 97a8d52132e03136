package dev.ciamkit.ekyc.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

class ImpersonationTest {

    private final UserModel user = mock(UserModel.class);
    private final UserSessionModel session = mock(UserSessionModel.class);

    ImpersonationTest() {
        given(user.getId()).willReturn("user-1");
        given(session.getUser()).willReturn(user);
    }

    @Test
    void an_admins_impersonation_marks_the_session() {
        given(session.getNote("IMPERSONATOR_ID")).willReturn("admin-1");

        assertThat(Impersonation.marked(session, user)).isTrue();
    }

    @Test
    void a_clients_impersonation_marks_it_too() {
        given(session.getNote("IMPERSONATOR_CLIENT")).willReturn("client-1");

        assertThat(Impersonation.marked(session, user)).isTrue();
    }

    @Test
    void the_users_own_session_or_none_is_not_marked() {
        assertThat(Impersonation.marked(session, user)).isFalse();
        assertThat(Impersonation.marked(null, user)).isFalse();
    }

    @Test
    void a_marked_session_of_another_user_is_not_this_users() {
        UserModel other = mock(UserModel.class);
        given(other.getId()).willReturn("user-2");
        given(session.getNote("IMPERSONATOR_ID")).willReturn("admin-1");

        assertThat(Impersonation.marked(session, other)).isFalse();
    }
}
