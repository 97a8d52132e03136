package dev.ciamkit.ekyc.spi;

import java.util.Objects;

/**
 * The account a 1-won verification deposits into. Personal data: its string form shows the bank code only.
 *
 * @param bankCode the three-digit Korean bank code (e.g. {@code 004})
 * @param accountNumber as the user typed it; the gateway ignores hyphens and spaces
 * @param holderName the name the account must belong to (the verified name), or null to not compare
 */
public record BankAccount(String bankCode, String accountNumber, String holderName) {

    public BankAccount {
        Objects.requireNonNull(bankCode, "bankCode");
        Objects.requireNonNull(accountNumber, "accountNumber");
    }

    @Override
    public String toString() {
        return "BankAccount[bankCode=" + bankCode + ", accountNumber=(" + accountNumber.length()
                + " chars), holderName=" + (holderName == null ? "(none)" : "(set)") + "]";
    }
}
