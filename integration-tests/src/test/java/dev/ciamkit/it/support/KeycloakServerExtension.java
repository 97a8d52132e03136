package dev.ciamkit.it.support;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the assembled server and the demo app's callback server once for the whole test run (they live in the root
 * context's store, which JUnit closes at the end) and injects {@link KeycloakServer} into tests that ask for it.
 */
public final class KeycloakServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("ciamkit");

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
        demoApp(context);
    }

    /** The demo app's callback server, started once per run; also for fixtures of other servers (the cluster). */
    public static DemoApp demoApp(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("demo-app", key -> new DemoAppResource(startDemoApp()), DemoAppResource.class)
                .app();
    }

    private static DemoApp startDemoApp() {
        try {
            return DemoApp.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not start the demo app's callback server", e);
        }
    }

    /** The demo app's redirect target, shared by every test for the whole run like the server. */
    private record DemoAppResource(DemoApp app) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            app.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return server(extension);
    }

    private static KeycloakServer server(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("server", key -> new Resource(startServer()), Resource.class)
                .server();
    }

    private static KeycloakServer startServer() {
        try {
            return KeycloakServer.start(TestPaths.serverDir(), TestPaths.outputDir());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the assembled Keycloak", e);
        }
    }

    private record Resource(KeycloakServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    /** Where Maven put things; set by failsafe from the pom. */
    public static final class TestPaths {
        private TestPaths() {}

        public static Path serverDir() {
            return Path.of(System.getProperty("ciamkit.server.dir"))
                    .toAbsolutePath()
                    .normalize();
        }

        public static Path outputDir() {
            return Path.of(System.getProperty("ciamkit.output.dir", "target")).toAbsolutePath();
        }
    }
}
