package io.assay.banksim;

/**
 * Digital events: logins (app users open the app first), page views that follow what is on the
 * customer's mind — mortgages for home savers, overdraft help when in the red, closing the
 * account when leaving — and complaints and contacts after something went wrong.
 */
final class Digital {
    private static final byte[][] EVERYDAY_PAGES = Texts.fields("/accounts", "/accounts/transactions", "/payments/new",
            "/savings", "/cards", "/profile", "/statements", "/payments/scheduled");
    private static final byte[][] MORTGAGE_PAGES = Texts.fields("/mortgage/calculator", "/mortgage/appointment",
            "/mortgage/rates");
    private static final byte[][] LEAVING_PAGES = Texts.fields("/help/close-account", "/help/switch-service");
    private static final byte[][] STRESS_PAGES = Texts.fields("/help/overdraft", "/loans/personal");
    private static final byte[][] COMPLAINTS = Texts.fields("Card declined at checkout, twice",
            "Unexpected fee on my account", "App keeps logging me out", "Transfer took three days to arrive",
            "Savings rate too low, looking at other banks", "Nobody answered the phone", "Merchant debited the wrong amount",
            "Called \"customer first\" but waited an hour");
    private static final byte[][] CONTACTS = Texts.fields("Question about a payment", "Question about overdraft",
            "Lost card reported", "Change of address", "Question about fees");
    private static final byte[] MORTGAGE_QUESTION = Texts.field("Question about mortgage options");
    private static final byte[][] PAYMENT_SETUPS = Texts.fields("New payee added", "Standing order created");
    private static final byte[] PAYEE_ELSEWHERE = Texts.field("New payee: own account at another bank");
    private static final EventChannel[] SERVICE_CHANNELS = {EventChannel.PHONE, EventChannel.WEB, EventChannel.BRANCH};
    private static final int MAX_LOGINS = 12;

    private Digital() {
    }

    static void play(Customer c, DayContext context, boolean stressed) {
        Dice d = context.dice;
        Today today = context.today;
        EventRows events = context.files.events;
        double factor = Churn.engagementFactor(c, context) * (c.homeStage == HomeStage.SAVING ? 1.3 : 1)
                * (today.weekend ? 0.8 : 1) * (stressed ? 1.2 : 1);
        int logins = Math.min(MAX_LOGINS, d.poisson(c.engagement * factor));
        double churn = Churn.progress(c, context);
        for (int i = 0; i < logins; i++) {
            int second = loginSecond(d);
            EventChannel channel = c.appUser ? EventChannel.APP : EventChannel.WEB;
            if (c.appUser) {
                events.write(c, EventType.APP_OPEN, channel, second, null);
                second = Math.min(86_399, second + 1 + d.below(4));
            }
            events.write(c, EventType.LOGIN, channel, second, null);
            int pages = d.poisson(1.2);
            for (int page = 0; page < pages; page++) {
                second = Math.min(86_399, second + 5 + d.below(90));
                events.write(c, EventType.PAGE_VIEW, channel, second, page(c, d, churn, stressed));
            }
        }
        if (c.incidentOn == today.epochDay || churn >= 0 && d.chance(Churn.isLeaving(c) ? 0.015 : 0.008)) {
            boolean complains = d.chance(0.6);
            events.write(c, complains ? EventType.COMPLAINT : EventType.CONTACT, SERVICE_CHANNELS[d.below(3)], daySecond(d),
                    complains ? COMPLAINTS[d.below(COMPLAINTS.length)] : CONTACTS[d.below(CONTACTS.length)]);
        }
        if (Churn.isLeaving(c) && today.epochDay - c.churnStartedOn == (int) (c.churnLength * 0.35)) {
            events.write(c, EventType.PAYMENT_SETUP, c.appUser ? EventChannel.APP : EventChannel.WEB, daySecond(d),
                    PAYEE_ELSEWHERE);
        } else if (logins > 0 && d.chance(0.01)) {
            events.write(c, EventType.PAYMENT_SETUP, c.appUser ? EventChannel.APP : EventChannel.WEB, daySecond(d),
                    PAYMENT_SETUPS[d.below(PAYMENT_SETUPS.length)]);
        }
        if (c.homeStage == HomeStage.SAVING && d.chance(0.012)) {
            events.write(c, EventType.CONTACT, EventChannel.PHONE, daySecond(d), MORTGAGE_QUESTION);
        } else if (!c.isDormant() && d.chance(0.002)) {
            events.write(c, EventType.CONTACT, SERVICE_CHANNELS[d.below(3)], daySecond(d), CONTACTS[d.below(CONTACTS.length)]);
        }
    }

    private static byte[] page(Customer c, Dice d, double churn, boolean stressed) {
        if (c.homeStage == HomeStage.SAVING && d.chance(0.35)) {
            return MORTGAGE_PAGES[d.below(MORTGAGE_PAGES.length)];
        }
        if (churn >= 0 && Churn.isLeaving(c) && d.chance(0.25)) {
            return LEAVING_PAGES[d.below(LEAVING_PAGES.length)];
        }
        if (stressed && d.chance(0.3)) {
            return STRESS_PAGES[d.below(STRESS_PAGES.length)];
        }
        return EVERYDAY_PAGES[d.below(EVERYDAY_PAGES.length)];
    }

    /** A login time: mornings, office hours and, most of all, evenings. */
    private static int loginSecond(Dice d) {
        double u = d.uniform();
        int fromHour;
        int toHour;
        if (u < 0.15) {
            fromHour = 7;
            toHour = 9;
        } else if (u < 0.5) {
            fromHour = 9;
            toHour = 17;
        } else if (u < 0.92) {
            fromHour = 17;
            toHour = 23;
        } else {
            fromHour = 0;
            toHour = 24;
        }
        return fromHour * 3600 + d.below((toHour - fromHour) * 3600 - 600);
    }

    /** Office hours, when people phone or visit a branch. */
    private static int daySecond(Dice d) {
        return 8 * 3600 + d.below(10 * 3600);
    }
}
