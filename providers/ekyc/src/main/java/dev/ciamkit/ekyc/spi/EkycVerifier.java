package dev.ciamkit.ekyc.spi;

import org.keycloak.provider.Provider;

/**
 * One eKYC vendor's checks, one method per operation. Korean remote identification asks for at least two of: an ID
 * with an authenticity check at the issuing authority, a face match, a 1-won transfer to the user's account; a caller
 * combines them.
 *
 * <p>The contract every implementation holds:
 *
 * <ul>
 *   <li>Every method returns a result, never null, and never throws for vendor trouble: a timeout, a refused
 *       connection, an error status, a malformed answer, an open circuit breaker all come back as a result with
 *       {@link VerificationStatus#UNAVAILABLE} or {@link VerificationStatus#TIMEOUT} and an {@link EkycReason} that
 *       says which. Only a programming error (a null argument) throws.
 *   <li>A method returns within a bounded time (the implementation's deadline), whatever the vendor does.
 *   <li>Nothing is logged of the images, the ID fields, the account or the code, nor any credential; a vendor's own
 *       codes outside {@link EkycReason} do not pass through.
 *   <li>{@link #extractId}, {@link #verifyId} and {@link #matchFace} are reads and may be retried;
 *       {@link #startTransfer} sends money and {@link #confirmTransfer} spends a try, so neither is repeated by the
 *       implementation.
 * </ul>
 *
 * <p>Callers invoke it outside their database transaction: a call may take seconds.
 */
public interface EkycVerifier extends Provider {

    /** Reads the fields of the ID document in the image (OCR). */
    IdExtraction extractId(EkycImage idImage);

    /**
     * Asks the issuing authority whether this ID, with these fields, exists and is valid (authenticity). Pass the
     * fields the user confirmed, which may differ from what OCR read.
     */
    VerificationResult verifyId(IdFields fields);

    /** Compares the selfie's face with the ID's portrait and judges the selfie's liveness. */
    FaceMatch matchFace(FaceMatchRequest request);

    /** Sends 1 won to the account with a code in the deposit memo. Not retried: each call may send money. */
    TransferStart startTransfer(BankAccount account);

    /** Compares the code the user read in the memo. A {@link EkycReason#CODE_MISMATCH} is a guess. */
    TransferConfirmation confirmTransfer(TransferCode code);

    @Override
    default void close() {}
}
