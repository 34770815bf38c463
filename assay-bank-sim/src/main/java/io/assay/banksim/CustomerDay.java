package io.assay.banksim;

/**
 * One customer's business day, in the order a bank would see it: life changes and intentions
 * first, then money in and out, the bank's own bookings, the app, and finally the rows that
 * describe the customer's state at the end of the day.
 */
final class CustomerDay {
    private static final long STREAM = 0xDA7L;

    private CustomerDay() {
    }

    static void play(Customer c, DayContext context) {
        Today today = context.today;
        if (c.isGone(today.epochDay)) {
            return;
        }
        context.dice.reseed(context.seed, STREAM, c.index, today.index);
        boolean firstDay = today.index == 0;
        boolean joinedToday = c.joinedOn == today.epochDay && !firstDay;
        c.changed = firstDay || joinedToday;
        if (joinedToday) {
            Holdings.openForJoiner(c, context);
        }
        LifeEvents.play(c, context);
        boolean closed = Churn.play(c, context);
        if (!closed) {
            HomeBuying.play(c, context);
            Income.play(c, context);
            Spending.play(c, context);
            if (!Churn.moneyLivesElsewhere(c, context)) {
                MonthlyDebits.play(c, context);
                Occasional.play(c, context);
            }
            Banking.play(c, context);
            Banking.endOfDay(c, context);
            Digital.play(c, context, c.current().balance < 0);
        }
        writeState(c, context, firstDay);
    }

    private static void writeState(Customer c, DayContext context, boolean firstDay) {
        DayFiles files = context.files;
        if (c.changed) {
            files.customers.write(c);
        }
        int day = context.today.epochDay;
        for (Account account : c.accounts) {
            if (account == null || !account.isListedOn(day)) {
                continue;
            }
            if (firstDay && account.openedOn < day) {
                files.products.write(c, account, ProductAction.HELD, account.openedOn);
            }
            files.accounts.write(c, account);
            if (account.product == Product.CURRENT && account.balance < 0) {
                context.truth.record(c, GroundTruth.Event.BELOW_ZERO, context.today.date);
            }
        }
    }
}
