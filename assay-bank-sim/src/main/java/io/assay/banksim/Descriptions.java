package io.assay.banksim;

import java.util.Locale;

import static io.assay.banksim.Texts.combine;
import static io.assay.banksim.Texts.prefixed;
import static io.assay.banksim.Texts.safe;

/** What bank statements say: transaction descriptions, encoded once, per region where shops are local. */
final class Descriptions {
    private static final String[] EMPLOYER_FIRST = {
        "Van Dijk", "Noordzee", "Polder", "Delta", "Hollandia", "Rijnmond", "Veluwe", "Lageland", "Zuiderzee", "Kempen",
        "Twente", "Amstel", "Maasland", "Brabantia", "Fries", "Stichtse"};
    private static final String[] EMPLOYER_SECOND = {
        "Logistiek BV", "Zorggroep", "Bouw BV", "Techniek BV", "Installatie BV", "Onderwijsgroep", "Retail BV",
        "Software BV", "Transport BV", "Voeding BV", "Schoonmaak BV", "Advies BV", "Energie NV", "Ziekenhuis",
        "Metaal BV", "Horeca BV"};
    private static final String[] GROCERS = {
        "Versmarkt", "Buurtsuper", "Polderhal Supermarkt", "Dagmarkt", "Groentehof", "Bakkerij Van Dam",
        "Slagerij De Wit", "Biomarkt"};
    private static final String[] SHOPS = {
        "Cafe De Zwaan", "Restaurant De Gouden Leeuw", "Tankstation", "Drogisterij", "Bouwmarkt", "Boekhandel",
        "Apotheek", "Electronica Centrum", "Fietsenmaker", "Parkeergarage", "Kledingzaak Mode", "Bioscoop Rex",
        "Snackbar", "Pizzeria Napoli", "Sportwinkel", "Tuincentrum", "Woonwarenhuis", "Webwinkel Online",
        "OV Reizen", "Dierenwinkel"};
    private static final String[] LANDLORDS = {
        "Woonstichting Polderhuis", "Stadswonen", "Woonbron Lageland", "Particuliere verhuur", "Studentenhuisvesting",
        "Woongoed Noord"};

    static final byte[][][] GROCERIES = perRegion(GROCERS);
    static final byte[][][] CARD_SPEND = perRegion(SHOPS);
    static final byte[][][] ATM = perRegion(new String[] {"Cash withdrawal"});

    static final String[] EMPLOYER_NAMES = combine(EMPLOYER_FIRST, EMPLOYER_SECOND);
    static final byte[][] SALARY = Texts.safe(prefixed("Salary ", EMPLOYER_NAMES));
    static final byte[][] PAYROLL = Texts.safe(prefixed("PAYFLOW PAYROLL OBO ", upper(EMPLOYER_NAMES)));
    static final byte[][] RENT = Texts.safe(prefixed("Rent ", LANDLORDS));

    static final byte[] STATE_PENSION = safe("State pension SVB");
    static final byte[] PENSION_FUND = safe("Pension Pensioenfonds Polderland");
    static final byte[] UNEMPLOYMENT = safe("UWV unemployment benefit");
    static final byte[] STUDENT_FINANCE = safe("DUO student finance");
    static final byte[] CHILD_BENEFIT = safe("SVB child benefit");
    static final byte[] HEALTHCARE_ALLOWANCE = safe("Belastingdienst healthcare allowance");
    static final byte[][] INVOICES = Texts.safe("Invoice paid", "Payment for services", "Invoice settlement", "Project fee");

    static final byte[] MORTGAGE_INSTALMENT = safe("Mortgage instalment");
    static final byte[][] UTILITIES = Texts.safe("Noordstroom Energie energy", "Waterbedrijf Lageland water",
            "Warmtenet district heating");
    static final byte[][] INSURANCE = Texts.safe("Zilveren Polder health insurance", "Veilig Wonen home insurance",
            "AutoZeker car insurance");
    static final byte[][] DIRECT_DEBITS = Texts.safe("Lagelanden Mobiel phone", "Glasvezel Direct internet",
            "Streamflix subscription", "FitNL gym membership", "Dagblad Noord newspaper", "Municipal taxes",
            "Charity Natuurfonds", "Music streaming");

    static final byte[] TO_SAVINGS = safe("To savings account");
    static final byte[] FROM_CURRENT = safe("From current account");
    static final byte[] FROM_SAVINGS = safe("From savings account");
    static final byte[] TO_CURRENT = safe("To current account");
    static final byte[][] TO_FRIENDS = Texts.safe("Tikkie dinner", "Tikkie weekend away", "Birthday present",
            "Share of the rent", "Paying you back", "Concert tickets");
    static final byte[][] FROM_FRIENDS = Texts.safe("Tikkie dinner", "Paying you back", "Gift", "Share of the holiday");
    static final byte[] TO_OWN_ELSEWHERE = safe("To own account");
    static final byte[] FROM_OWN_ELSEWHERE = safe("From own account");
    static final byte[] SWITCH_CLOSING = safe("Closing balance account switch");

    static final byte[][] GAMBLING = Texts.safe("Gokhuis Online", "TotoBet sportsbook", "Staatsloterij ticket",
            "Lucky Spins Casino");
    static final byte[] GAMBLING_WIN = safe("Gokhuis Online payout");

    static final byte[] NOTARY_DEPOSIT = safe("Notary deposit house purchase");
    static final byte[] NOTARY_COMPLETION = safe("Notary costs house purchase");
    static final byte[] NOTARY_PAYOUT = safe("Mortgage payout to notary");
    static final byte[] NOTARY_WILL = safe("Notary last will");
    static final byte[] ESTATE_AGENT = safe("Makelaardij De Sleutel buyer agent fee");
    static final byte[] VALUATION = safe("Taxatie Direct valuation report");
    static final byte[] ESTATE_AGENT_RENTAL = safe("Makelaardij De Sleutel rental agency fee");

    static final byte[] LOAN_REPAYMENT = safe("Personal loan repayment");
    static final byte[] LOAN_PAYOUT = safe("Personal loan payout");
    static final byte[] SAVINGS_INTEREST = safe("Savings interest");
    static final byte[] OVERDRAFT_INTEREST = safe("Overdraft interest");
    static final byte[] MORTGAGE_INTEREST = safe("Mortgage interest");
    static final byte[] LOAN_INTEREST = safe("Personal loan interest");
    static final byte[] ACCOUNT_FEE = safe("Monthly account fee");
    static final byte[] OVERDRAFT_FEE = safe("Unarranged overdraft fee");
    static final byte[] CARD_STATEMENT = safe("Credit card statement");
    static final byte[] CARD_PAID = safe("Statement paid by direct debit");

    private Descriptions() {
    }

    private static byte[][][] perRegion(String[] names) {
        byte[][][] perRegion = new byte[Region.values().length][][];
        for (Region region : Region.values()) {
            perRegion[region.ordinal()] = Texts.safe(combine(names, Places.towns(region)));
        }
        return perRegion;
    }

    private static String[] upper(String[] names) {
        String[] upper = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            upper[i] = names[i].toUpperCase(Locale.ROOT);
        }
        return upper;
    }
}
