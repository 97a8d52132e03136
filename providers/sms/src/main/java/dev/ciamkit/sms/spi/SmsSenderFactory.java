package dev.ciamkit.sms.spi;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;

/** Creates {@link SmsSender}s; registered in {@code META-INF/services}. */
public interface SmsSenderFactory extends ProviderFactory<SmsSender> {

    /** Shown in config forms that use this sender, each name prefixed with {@code sms-<id>-}. */
    List<ProviderConfigProperty> getSenderConfigProperties();
}
