package io.assay.banksim;

/** Towns per region, so that a customer's card and cash spending happens where they live. */
final class Places {
    static final String[][] TOWNS = {
        {"Groningen", "Leeuwarden", "Assen", "Emmen", "Drachten", "Sneek"},
        {"Enschede", "Zwolle", "Arnhem", "Nijmegen", "Apeldoorn", "Deventer"},
        {"Eindhoven", "Tilburg", "Breda", "Maastricht", "Den Bosch", "Venlo"},
        {"Rotterdam", "Den Haag", "Utrecht", "Leiden", "Haarlem", "Dordrecht"},
        {"Amsterdam", "Amsterdam Zuid", "Amsterdam Noord", "Amsterdam West", "Amstelveen", "Diemen"}};

    private Places() {
    }

    static String[] towns(Region region) {
        return TOWNS[region.ordinal()];
    }
}
