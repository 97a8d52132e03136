package dev.ciamkit.common.crypto;

/**
 * A sealed value could not be opened or a key could not be used. Messages name key ids and files, never key material
 * or plaintext, so they are safe to log.
 */
public final class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
