package io.assay.banksim;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The direct identifiers of a customer — name, e-mail address, phone number — built on demand
 * from a few stored numbers, so that a million customers do not hold a million strings. A few
 * names carry diacritics on purpose: the extract is UTF-8 and readers should prove they cope.
 */
final class Identity {
    static final String[] FEMALE = {
        "Emma", "Sophie", "Julia", "Anna", "Lotte", "Eva", "Lisa", "Sanne", "Fleur", "Anouk", "Maria", "Johanna",
        "Cornelia", "Wilhelmina", "Fatima", "Noor", "Saar", "Tess", "Zoë", "Inge", "Marieke", "Ingrid", "Petra",
        "Linda", "Esther", "Femke", "Roos", "Yasmina", "Mila", "Nina", "Elif", "Hanneke", "Ria", "Joke", "Annelies"};
    static final String[] MALE = {
        "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Thomas", "Jan", "Pieter", "Hendrik", "Willem", "Johannes",
        "Mohammed", "Bram", "Ruben", "Jeroen", "Mark", "Dennis", "Kees", "Gerrit", "Sven", "Thijs", "Joost", "Niels",
        "Stefan", "Youssef", "Emre", "Bas", "Wouter", "Martijn", "Henk", "Cor", "Teun", "Jesse", "Noah"};
    static final String[] SURNAMES = {
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan",
        "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden", "Schouten",
        "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam",
        "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "Yılmaz", "El Amrani", "Öztürk", "Bakkali", "Kaya",
        "Nguyen", "Sanches", "Müller", "Postma", "Kuipers", "Veenstra", "Kramer", "van 't Hof", "Timmermans"};
    private static final String[] DOMAINS = {
        "gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "icloud.com", "live.nl"};

    private static final String[] PLAIN_FEMALE = plain(FEMALE);
    private static final String[] PLAIN_MALE = plain(MALE);
    private static final String[] PLAIN_SURNAMES = plain(SURNAMES);

    /** Email styles at or above this value mean the bank has no e-mail address on file. */
    static final int NO_EMAIL = 60;
    /** Phone number meaning none on file. */
    static final int NO_PHONE = -1;

    private Identity() {
    }

    static String firstName(Customer customer) {
        String[] names = firstNames(customer, FEMALE, MALE);
        return names[customer.firstName % names.length];
    }

    private static String[] firstNames(Customer customer, String[] female, String[] male) {
        return switch (customer.gender) {
            case F -> female;
            case M -> male;
            case X -> customer.firstName % 2 == 0 ? female : male;
        };
    }

    static String fullName(Customer customer) {
        return firstName(customer) + " " + SURNAMES[customer.surname % SURNAMES.length];
    }

    /** The e-mail address, or null when none is on file. */
    static String email(Customer customer) {
        int style = customer.emailStyle;
        if (style >= NO_EMAIL) {
            return null;
        }
        String[] firstNames = firstNames(customer, PLAIN_FEMALE, PLAIN_MALE);
        String first = firstNames[customer.firstName % firstNames.length];
        String last = PLAIN_SURNAMES[customer.surname % PLAIN_SURNAMES.length];
        String domain = DOMAINS[style % DOMAINS.length];
        String local = switch (style / DOMAINS.length % 3) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last + (customer.index % 97);
            default -> first + last.substring(0, 1) + (1950 + customer.index % 60);
        };
        return local + "@" + domain;
    }

    /** The e-mail address on file, or the one the customer would give when asked. */
    static String anyEmail(Customer customer) {
        String email = email(customer);
        if (email != null) {
            return email;
        }
        String[] firstNames = firstNames(customer, PLAIN_FEMALE, PLAIN_MALE);
        return firstNames[customer.firstName % firstNames.length] + "."
                + PLAIN_SURNAMES[customer.surname % PLAIN_SURNAMES.length] + "@mail.nl";
    }

    /** The phone number on file, or the one the customer would give when asked. */
    static String anyPhone(Customer customer) {
        String phone = phone(customer);
        return phone != null ? phone : "+31 6 " + (20_000_000 + Math.floorMod(customer.index * 7_919, 70_000_000));
    }

    /** The phone number as {@code +31 6 ########}, or null when none is on file. */
    static String phone(Customer customer) {
        if (customer.phone == NO_PHONE) {
            return null;
        }
        String digits = Integer.toString(customer.phone);
        return "+31 6 " + "00000000".substring(digits.length()) + digits;
    }

    /** Lower-case ASCII for e-mail addresses: diacritics, spaces and apostrophes dropped, dotless i made plain. */
    private static String[] plain(String[] names) {
        String[] plain = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            String decomposed = Normalizer.normalize(names[i].replace('ı', 'i'), Normalizer.Form.NFD);
            plain[i] = decomposed.replaceAll("\\p{M}", "").replace(" ", "").replace("'", "").toLowerCase(Locale.ROOT);
        }
        return plain;
    }
}
