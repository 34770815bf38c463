package io.assay.banksim;

/**
 * Counterparties of bookings, each packed into a long ({@code bank ordinal * 10^10 + account
 * number}) so that a booking carries no object; their IBANs are written on the fly.
 */
final class Parties {
    static final long NONE = -1;
    static final int EMPLOYERS = 256;

    private static final long TEN_DIGITS = 10_000_000_000L;
    private static final long EMPLOYER = 11;
    private static final long LANDLORD = 12;
    private static final long OWN_ELSEWHERE = 13;
    private static final long FRIEND = 14;
    private static final long NOTARY = 15;
    private static final long AGENT = 16;
    private static final long COMPANY = 17;
    private static final long CLIENT = 18;

    static final long PAYROLL_PROCESSOR = company(1);
    static final long PENSION_FUND = company(2);
    static final long STATE_PENSION = company(3);
    static final long BENEFITS_AGENCY = company(4);
    static final long STUDENT_FINANCE = company(5);
    static final long TAX_OFFICE = company(6);

    private Parties() {
    }

    static long of(Bank bank, long accountNumber) {
        return bank.ordinal() * TEN_DIGITS + accountNumber;
    }

    static Bank bank(long party) {
        return Bank.values()[(int) (party / TEN_DIGITS)];
    }

    static long accountNumber(long party) {
        return party % TEN_DIGITS;
    }

    /** One of our own accounts. */
    static long ours(Customer customer, Product product) {
        return of(Bank.ASSAY, Iban.accountNumber(product.accountNumber(customer.index)));
    }

    static long employer(int employer) {
        return elsewhere(EMPLOYER, employer);
    }

    static long landlord(Customer customer) {
        return elsewhere(LANDLORD, customer.index);
    }

    /** The account a departing customer opened at another bank. */
    static long ownAccountElsewhere(Customer customer) {
        return elsewhere(OWN_ELSEWHERE, customer.index);
    }

    static long friend(Customer customer, int which) {
        return elsewhere(FRIEND, customer.index * 16L + which);
    }

    static long notary(Customer customer) {
        return elsewhere(NOTARY, customer.index % 997);
    }

    static long estateAgent(Customer customer) {
        return elsewhere(AGENT, customer.index % 499);
    }

    static long client(Customer customer, int which) {
        return elsewhere(CLIENT, customer.index * 8L + which);
    }

    /** A utility, insurer, shop chain or agency, by a small number. */
    static long company(int company) {
        return elsewhere(COMPANY, company);
    }

    private static long elsewhere(long purpose, long key) {
        long hash = Dice.mix(Dice.mix(key + purpose * 0x9E3779B97F4A7C15L));
        return of(Bank.other(hash >>> 40), Math.floorMod(hash, TEN_DIGITS));
    }
}
