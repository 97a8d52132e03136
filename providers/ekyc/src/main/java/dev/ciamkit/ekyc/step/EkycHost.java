package dev.ciamkit.ekyc.step;

import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** What the eKYC journey needs of its caller: the authenticator in a flow, or the required action. */
interface EkycHost {

    KeycloakSession session();

    RealmModel realm();

    UserModel user();

    AuthenticationSessionModel authSession();

    /** A fresh form bound to the caller's action URL. */
    LoginFormsProvider form();

    EventBuilder event();

    /** The URL that shows this step again (the upload endpoint sends the browser back to it). */
    java.net.URI returnUrl();
}
