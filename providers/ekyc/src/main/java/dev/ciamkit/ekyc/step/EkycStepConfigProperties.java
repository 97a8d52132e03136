package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.vault.EkycMethod;
import java.util.Arrays;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The eKYC step's settings in the admin console, shared by the authenticator and the required action. */
public final class EkycStepConfigProperties {

    public static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(EkycStepConfig.METHODS)
            .label("Methods")
            .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
            .options(Arrays.stream(EkycMethod.values()).map(EkycMethod::wire).toList())
            .defaultValue("id##face##account")
            .helpText("Methods a user may verify with: id (ID document read and checked with the issuing authority),"
                    + " face (live selfie matched with the ID's portrait), account (1-won transfer to an account in"
                    + " the user's name). The ID document is always read first, so 'id' is always allowed.")
            .add()
            .property()
            .name(EkycStepConfig.REQUIRED)
            .label("Methods required")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue("2")
            .helpText("How many of the allowed methods must pass (1 to 3; the financial regulator's guideline asks"
                    + " for at least 2).")
            .add()
            .property()
            .name(EkycStepConfig.VALIDITY_DAYS)
            .label("Verification valid for (days)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue("365")
            .helpText("How long a passed verification stays valid before the user must verify again (1 to 3650"
                    + " days). Not Keycloak's loa-max-age, which is how fresh the login at this level must be.")
            .add()
            .property()
            .name(EkycStepConfig.VALIDITY_SECONDS)
            .label("Verification valid for (seconds, tests)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .helpText("For tests and demos: when set, the validity in seconds, instead of the days above.")
            .add()
            .property()
            .name(EkycStepConfig.ATTEMPTS_PER_DAY)
            .label("Attempts per day")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue("5")
            .helpText("How many ID documents a user may submit per day (UTC), across logins and nodes (1 to 100)."
                    + " Each one is a paid vendor call.")
            .add()
            .property()
            .name(EkycStepConfig.KEEP_IMAGES)
            .label("Keep images")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("false")
            .helpText("Keep the ID image and the selfie, sealed, until the image retention period ends. Off: no image"
                    + " is stored.")
            .add()
            .property()
            .name(EkycStepConfig.BUDGET_MS)
            .label("Time budget (ms)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue("3000")
            .helpText("The most the user waits for one check (the authenticity check and the face match run together"
                    + " within it), 500 to 30000 ms. Then the page says the service is slow and offers a retry or"
                    + " another method.")
            .add()
            .property()
            .name(EkycStepConfig.MAX_IMAGE_KB)
            .label("Largest image (KB)")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue("4096")
            .helpText("The largest ID image or selfie accepted, in KB (64 to 8192). JPEG and PNG only.")
            .add()
            .property()
            .name(EkycStepConfig.MAX_FACE_TRIES)
            .label("Selfie tries")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue("3")
            .helpText("Selfies that did not match after which the face match is not offered again in this"
                    + " verification (1 to 10).")
            .add()
            .build();

    private EkycStepConfigProperties() {}
}
