package io.assay.banksim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labels come out of behaviour, and behaviour leaves traces before the label: what a model
 * trained on these files can learn.
 */
class CausalityTest {
    private static final int LOOKBACK = 42;

    private final Runs.Run run = Runs.of(Runs.STANDARD);
    private final History history = History.of(run);

    @Test
    void mortgage_openers_paid_a_notary_or_estate_agent_in_the_weeks_before_far_more_often_than_others() {
        List<String> openers = new ArrayList<>();
        history.mortgageOpenedOn.forEach((customer, day) -> {
            if (day >= LOOKBACK) {
                openers.add(customer);
            }
        });
        long openersWithCosts = openers.stream()
                .filter(customer -> paidHomeCosts(customer, history.mortgageOpenedOn.get(customer) - LOOKBACK,
                        history.mortgageOpenedOn.get(customer)))
                .count();
        Set<String> others = history.presentOn(LOOKBACK);
        others.removeAll(history.mortgageOpenedOn.keySet());
        long othersWithCosts = others.stream().filter(customer -> paidHomeCosts(customer, LOOKBACK, 2 * LOOKBACK)).count();
        double openerShare = (double) openersWithCosts / openers.size();
        double otherShare = (double) othersWithCosts / others.size();
        assertThat(openers).isNotEmpty();
        assertThat(openerShare).isGreaterThanOrEqualTo(0.8).isGreaterThan(10 * otherShare);
    }

    @Test
    void leavers_log_in_less_and_less_before_they_close() {
        long earlier = 0;
        long later = 0;
        int leavers = 0;
        for (Map.Entry<String, Integer> churned : history.churnedOn.entrySet()) {
            int day = churned.getValue();
            if (day >= 60 && history.churnStatus.get(churned.getKey()).equals("CLOSED")) {
                int[] logins = history.logins.get(churned.getKey());
                earlier += History.sum(logins, day - 60, day - 30);
                later += History.sum(logins, day - 30, day);
                leavers++;
            }
        }
        long everyoneEarlier = 0;
        long everyoneLater = 0;
        for (int[] logins : history.logins.values()) {
            everyoneEarlier += History.sum(logins, 30, 60);
            everyoneLater += History.sum(logins, 60, 90);
        }
        assertThat(leavers).isGreaterThanOrEqualTo(5);
        assertThat((double) later / earlier).as("leavers' logins, last month over the month before").isLessThan(0.7);
        assertThat((double) everyoneLater / everyoneEarlier).as("everyone's logins, same comparison").isBetween(0.85, 1.15);
    }

    @Test
    void leavers_move_their_money_to_another_bank_before_closing() {
        long leaversSending = 0;
        long leavers = 0;
        for (Map.Entry<String, Integer> churned : history.churnedOn.entrySet()) {
            int day = churned.getValue();
            if (day >= 30) {
                leavers++;
                leaversSending += History.sum(history.sentElsewhere.get(churned.getKey()), day - 30, day) > 50_000 ? 1 : 0;
            }
        }
        Set<String> stayers = history.presentOn(0);
        stayers.removeAll(history.churnedOn.keySet());
        long stayersSending = stayers.stream()
                .filter(customer -> History.sum(history.sentElsewhere.get(customer), 30, 60) > 50_000).count();
        assertThat((double) leaversSending / leavers).isGreaterThan(5.0 * stayersSending / stayers.size());
    }

    @Test
    void customers_who_spend_more_than_they_earn_go_below_zero_more_often_later() {
        long overspenders = 0;
        long overspendersBelow = 0;
        long others = 0;
        long othersBelow = 0;
        for (String customer : history.presentOn(0)) {
            if (history.belowZero(customer, 0, 30) || !history.presentOn(89).contains(customer)) {
                continue;
            }
            long earned = History.sum(history.income.get(customer), 0, 30);
            long spent = History.sum(history.spending.get(customer), 0, 30);
            boolean below = history.belowZero(customer, 30, 90);
            if (spent > earned) {
                overspenders++;
                overspendersBelow += below ? 1 : 0;
            } else {
                others++;
                othersBelow += below ? 1 : 0;
            }
        }
        assertThat((double) overspendersBelow / overspenders).isGreaterThan(2.0 * othersBelow / others);
    }

    @Test
    void low_incomes_go_below_zero_more_often_than_high_ones() {
        double low = belowZeroShare("LOW");
        double high = (belowZeroShare("HIGH") + belowZeroShare("VERY_HIGH")) / 2;
        assertThat(low).isGreaterThan(1.5 * high);
    }

    @Test
    void customers_who_complain_leave_more_often() {
        Set<String> customers = history.presentOn(0);
        long complainers = 0;
        long complainersLeaving = 0;
        long others = 0;
        long othersLeaving = 0;
        for (String customer : customers) {
            Integer churnedOn = history.churnedOn.get(customer);
            if (churnedOn != null && churnedOn < 30) {
                continue;
            }
            boolean complained = History.sum(history.complaints.get(customer), 0, 30) > 0;
            boolean leaves = churnedOn != null;
            if (complained) {
                complainers++;
                complainersLeaving += leaves ? 1 : 0;
            } else {
                others++;
                othersLeaving += leaves ? 1 : 0;
            }
        }
        assertThat((double) complainersLeaving / complainers).isGreaterThan(3.0 * othersLeaving / others);
    }

    private double belowZeroShare(String band) {
        Set<String> present = history.presentOn(0);
        long inBand = present.stream().filter(customer -> band.equals(history.incomeBand.get(customer))).count();
        long below = present.stream().filter(customer -> band.equals(history.incomeBand.get(customer)))
                .filter(customer -> history.belowZero(customer, 0, 40)).count();
        return (double) below / inBand;
    }

    private boolean paidHomeCosts(String customer, int from, int to) {
        boolean[] days = history.homePurchaseCosts.get(customer);
        if (days == null) {
            return false;
        }
        for (int day = Math.max(0, from); day < to; day++) {
            if (days[day]) {
                return true;
            }
        }
        return false;
    }
}
