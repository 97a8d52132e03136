package dev.ciamkit.risk.spi;

import org.keycloak.provider.Provider;

/**
 * One source of risk (network, location, device, time, velocity, ...). A signal reads the {@link RiskInput} and says
 * what it found; the engine weighs the results. A signal never changes stored state: learning happens only after a
 * successful login, so a failed attacker never trains the profile.
 *
 * <p>Implementations must be cheap (no network I/O; files are read once, in the factory) and must not throw for any
 * input a client can send: an exception is caught by the engine and reported as {@link SignalResult.State#UNKNOWN},
 * which costs the login its evidence but never fails it.
 */
public interface RiskSignal extends Provider {

    SignalResult evaluate(RiskInput input);

    @Override
    default void close() {}
}
