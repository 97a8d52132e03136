package dev.ciamkit.ekyc.step;

import dev.ciamkit.ekyc.vault.Verification;
import jakarta.ws.rs.core.Response;

/** What one request of the eKYC journey ends in; the caller turns it into its own flow call. */
sealed interface StepOutcome {

    /** Show a page (the next step, or the same with a message). */
    record Page(Response page) implements StepOutcome {}

    /** A failed guess (a wrong memo code): counted already; the caller reports a failed challenge. */
    record Guess(Response page) implements StepOutcome {}

    /** The verification failed in a way that ends this attempt (a forged ID, the policy out of reach). */
    record Failed(Response page) implements StepOutcome {}

    /** The user is verified: a stored verification, or one still valid from before. */
    record Done(Verification verification) implements StepOutcome {}
}
