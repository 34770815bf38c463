package io.assay.banksim;

/**
 * Rare bookings that look like a strong signal but are not one — a will at the notary, a rental
 * agency's fee, money put aside at another bank — so that a model must learn the pattern around
 * a booking, not a single category.
 */
final class Occasional {
    private Occasional() {
    }

    static void play(Customer c, DayContext context) {
        Dice d = context.dice;
        Account current = c.current();
        if (d.chance(0.00012)) {
            context.ledger.book(c, current, -Holdings.euros(d.between(300, 900)), Category.NOTARY, Channel.SEPA,
                    Parties.notary(c), Descriptions.NOTARY_WILL);
        }
        if (c.housing == Housing.RENTER && d.chance(0.00008)) {
            context.ledger.book(c, current, -Holdings.euros(d.between(250, 700)), Category.REAL_ESTATE, Channel.SEPA,
                    Parties.estateAgent(c), Descriptions.ESTATE_AGENT_RENTAL);
        }
        if (current.balance > 100_000 && d.chance(0.0008)) {
            long amount = Math.round(current.balance * d.between(0.1, 0.4) / 1000) * 1000;
            context.ledger.book(c, current, -amount, Category.TRANSFER_OUT, Channel.ONLINE, Parties.ownAccountElsewhere(c),
                    Descriptions.TO_OWN_ELSEWHERE);
        }
    }
}
