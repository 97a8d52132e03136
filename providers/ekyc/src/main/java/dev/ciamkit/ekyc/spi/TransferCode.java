package dev.ciamkit.ekyc.spi;

import java.util.Objects;

/**
 * The code the user read in the 1-won deposit's memo, for the transfer it belongs to. The string form leaves the code
 * out.
 *
 * @param transferId as {@link TransferStart#transferId()} gave it
 */
public record TransferCode(String transferId, String code) {

    public TransferCode {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
        return "TransferCode[transferId=" + transferId + ", code=(" + code.length() + " chars)]";
    }
}
