package dev.ciamkit.it.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the two-node {@link ClusterFixture}, as in the middle of a rolling key promotion, once for the whole test run (root store, closed by JUnit at the end) and
 * injects it; also the demo app's callback server, shared with {@link KeycloakServerExtension}, but not the H2 server.
 * Skips the class, saying why, where PostgreSQL is absent.
 */
public final class ClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("ciamkit-cluster");

    @Override
    public void beforeAll(ExtensionContext context) {
        String unreachable = PostgresDatabase.unreachableReason();
        Assumptions.assumeTrue(unreachable == null, () -> "Two-node cluster tests skipped: " + unreachable);
        KeycloakServerExtension.demoApp(context);
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == ClusterFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return cluster(extension);
    }

    private static ClusterFixture cluster(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("cluster", key -> new Resource(startCluster()), Resource.class)
                .cluster();
    }

    private static ClusterFixture startCluster() {
        try {
            return ClusterFixture.startMidKeyPromotion(
                    KeycloakServerExtension.TestPaths.serverDir(), KeycloakServerExtension.TestPaths.outputDir());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the two-node cluster", e);
        }
    }

    private record Resource(ClusterFixture cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
