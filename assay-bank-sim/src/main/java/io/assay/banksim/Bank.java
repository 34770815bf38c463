package io.assay.banksim;

import java.nio.charset.StandardCharsets;

/**
 * The four-letter bank codes inside Dutch IBANs: ours, and the other banks that counterparties
 * and departing customers use. The codes only have to look right; {@code ASYB} is fictional.
 */
enum Bank {
    ASSAY("ASYB"),
    ING("INGB"),
    RABOBANK("RABO"),
    ABN_AMRO("ABNA"),
    SNS("SNSB"),
    TRIODOS("TRIO"),
    BUNQ("BUNQ"),
    KNAB("KNAB"),
    ASN("ASNB");

    /** Banks other than ours, in a fixed order for stable choices. */
    static final Bank[] OTHERS = {ING, RABOBANK, ABN_AMRO, SNS, TRIODOS, BUNQ, KNAB, ASN};

    final byte[] code;
    /** The bank code's letters as IBAN digits (A=10 … Z=35), reduced mod 97, for the check digits. */
    final int codeRemainder;

    Bank(String code) {
        this.code = code.getBytes(StandardCharsets.US_ASCII);
        int remainder = 0;
        for (int i = 0; i < code.length(); i++) {
            remainder = (remainder * 100 + code.charAt(i) - 'A' + 10) % 97;
        }
        this.codeRemainder = remainder;
    }

    /** A bank other than ours, chosen by a stable number. */
    static Bank other(long choice) {
        return OTHERS[(int) Math.floorMod(choice, (long) OTHERS.length)];
    }
}
