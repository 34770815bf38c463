package io.assay.banksim;

import java.time.LocalDate;

/**
 * One customer's attributes and hidden state. Kept as one compact object (primitives and a
 * five-slot account array) because a million of them must fit a few hundred megabytes; all
 * money is in cents, all dates are epoch days.
 */
final class Customer {
    static final int NEVER = Integer.MIN_VALUE;

    final int index;
    // Identity: the written strings are built from these only when a customer row is written.
    final int birthDay;
    /** Month * 100 + day of the birth date, to spot birthdays without date arithmetic. */
    final short birthMonthDay;
    final Gender gender;
    final short firstName;
    final short surname;
    final byte emailStyle;
    final int phone;
    final int joinedOn;

    Region region;
    Segment segment;
    IncomeBand incomeBand;
    Employment employment;
    int householdSize;
    CustomerStatus status = CustomerStatus.ACTIVE;
    /** Whether anything in the customer row changed today, so that it is written again. */
    boolean changed;

    // Money habits.
    long monthlyIncome;
    int payDay;
    int employer;
    boolean thirteenthMonth;
    /** Monthly benefit in cents while unemployed. */
    long benefit;
    /** Planned monthly spending as a share of income; above 1 the customer drifts into the red. */
    double spendingRatio;
    /** 0..1: how readily the customer cuts spending or draws on savings when the balance runs low. */
    double discipline;
    /** Mean logins per day when nothing is wrong. */
    double engagement;
    /** Logs in with the app rather than the website. */
    boolean appUser;
    boolean gambler;
    /** Bit n set when a monthly direct debit falls on nominal day n (see {@link MonthlyDebits}). */
    int debitDays;
    /** Cents per month of utilities, insurance and subscriptions, for budgeting. */
    long fixedDebits;
    Housing housing;
    /**
     * Cents per month paid to a landlord, or to another bank's mortgage; a mortgage with us pays
     * its account's instalment instead.
     */
    long housingPayment;

    // Hidden processes; each day is an epoch day or NEVER.
    int unemployedSince = NEVER;
    int incidentOn = NEVER;
    int churnStartedOn = NEVER;
    int churnLength;
    ChurnExit churnExit = ChurnExit.RECOVER;
    int closedOn = NEVER;
    HomeStage homeStage = HomeStage.NONE;
    int homeStageOn = NEVER;
    int homeStageLength;
    long homePrice;
    long homeDeposit;
    int lastIncomeOn = NEVER;
    boolean unarrangedOverdraft;
    boolean everBelowZero;

    final Account[] accounts = new Account[Product.ALL.length];

    Customer(int index, int birthDay, Gender gender, short firstName, short surname, byte emailStyle, int phone, int joinedOn) {
        this.index = index;
        this.birthDay = birthDay;
        LocalDate birth = LocalDate.ofEpochDay(birthDay);
        this.birthMonthDay = (short) (birth.getMonthValue() * 100 + birth.getDayOfMonth());
        this.gender = gender;
        this.firstName = firstName;
        this.surname = surname;
        this.emailStyle = emailStyle;
        this.phone = phone;
        this.joinedOn = joinedOn;
    }

    /** The account of a product, open or closed, or null if never held. */
    Account account(Product product) {
        return accounts[product.ordinal()];
    }

    /** The open account of a product, or null. */
    Account open(Product product) {
        Account account = accounts[product.ordinal()];
        return account != null && account.isOpen() ? account : null;
    }

    boolean holds(Product product) {
        return open(product) != null;
    }

    Account current() {
        return accounts[Product.CURRENT.ordinal()];
    }

    /** Closed before the given day: nothing of the customer appears any more. */
    boolean isGone(int epochDay) {
        return closedOn != NEVER && closedOn < epochDay;
    }

    boolean isChurning() {
        return churnStartedOn != NEVER;
    }

    boolean isDormant() {
        return status == CustomerStatus.DORMANT;
    }

    int ageOn(int epochDay) {
        return Ages.yearsBetween(birthDay, epochDay);
    }

    int openProducts() {
        int count = 0;
        for (Account account : accounts) {
            if (account != null && account.isOpen()) {
                count++;
            }
        }
        return count;
    }
}
