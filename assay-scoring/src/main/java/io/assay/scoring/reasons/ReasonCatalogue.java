package io.assay.scoring.reasons;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.registry.RegistryNames;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What a use case's features mean when they move its score, in words: per feature a reason
 * code, a text for when it raised the score ({@code up}) and one for when it lowered it
 * ({@code down}). Texts may hold {@value #VALUE}, filled with the row's value of the feature.
 *
 * <p>Two numbers version it: {@code reason_format} is the file's layout ({@value #FORMAT} is the
 * one this Assay reads), {@code catalogue_version} the wording, raised whenever a code or text
 * changes, so that a decision can record which wording it was given. Version 0 is kept for the
 * generic {@link #fallback}, and so is the code {@value #GENERIC_CODE}: a declared catalogue
 * starts at 1 and never says GEN, which always means "no catalogue named this feature".
 */
public record ReasonCatalogue(String useCase, int catalogueVersion, List<Entry> reasons) {
    public static final int FORMAT = 1;
    public static final String GENERIC_CODE = "GEN";
    public static final String VALUE = "{value}";
    /** Long enough for a sentence in a letter to a customer, short enough to be one. */
    public static final int MAX_TEXT = 200;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,15}");

    public ReasonCatalogue {
        RegistryNames.requireUseCaseName(useCase);
        if (catalogueVersion < 0) {
            throw AssayException.invalid("catalogue_version " + catalogueVersion + " is negative");
        }
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
        Set<String> features = new HashSet<>();
        for (Entry entry : reasons) {
            if (!features.add(entry.feature())) {
                throw AssayException.invalid("the catalogue names feature " + entry.feature() + " twice");
            }
            if (catalogueVersion > 0 && entry.code().equals(GENERIC_CODE)) {
                throw AssayException.invalid("the reason for " + entry.feature() + " has code " + GENERIC_CODE
                        + ", which is kept for features no catalogue names");
            }
        }
    }

    /**
     * Reads a catalogue file strictly: an unknown {@code reason_format}, an unknown field, a
     * duplicate feature, a blank text, a malformed code or an unknown placeholder is refused with
     * a message that starts with {@code where} and names the offending field or value.
     *
     * @throws AssayException INVALID_ARGUMENT
     */
    public static ReasonCatalogue parse(byte[] json, String where) {
        return CatalogueJson.parse(json, where);
    }

    /** The catalogue as a file {@link #parse} reads back equal (UTF-8 JSON, fields in the documented order). */
    public byte[] toJson() {
        return CatalogueJson.write(this);
    }

    /** A generic catalogue (version 0) for a use case that declares none: every feature GEN, in plain words. */
    public static ReasonCatalogue fallback(String useCase, List<String> featureNames) {
        return new ReasonCatalogue(useCase, 0, featureNames.stream().map(Entry::generic).toList());
    }

    /** The reason for {@code feature}, if the catalogue names it. */
    public Optional<Entry> entry(String feature) {
        for (Entry entry : reasons) {
            if (entry.feature().equals(feature)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a catalogue that names a feature the model does not take (a misspelt name would
     * otherwise never be used, silently): call it when a catalogue is paired with a model.
     */
    public ReasonCatalogue requireFeaturesOf(List<String> modelFeatures) {
        Set<String> known = Set.copyOf(modelFeatures);
        for (Entry entry : reasons) {
            if (!known.contains(entry.feature())) {
                throw AssayException.invalid("reason catalogue " + useCase + " version " + catalogueVersion + " names feature "
                        + entry.feature() + ", which the model does not take");
            }
        }
        return this;
    }

    /** The words for a feature no catalogue names, when it raised the score ({@code up}) or lowered it. */
    static String genericText(String feature, boolean up) {
        return feature + (up ? " raised the score" : " lowered the score");
    }

    /** One feature's reason: its code and the two texts. */
    public record Entry(String feature, String code, String up, String down) {
        public Entry {
            if (feature == null || feature.isBlank()) {
                throw AssayException.invalid("a reason has no feature");
            }
            // So that a generic text made from the name is a valid text.
            if (feature.chars().anyMatch(c -> c == '{' || c == '}' || Character.isISOControl(c))) {
                throw AssayException.invalid("a reason names the feature " + Names.quoted(feature) + ", with a brace or a control character");
            }
            if (code == null || !CODE.matcher(code).matches()) {
                throw AssayException.invalid("the reason for " + feature + " has code " + Names.quoted(code)
                        + "; a code is 2 to 16 capital letters, digits, '_' or '-', starting with a letter");
            }
            up = text(feature, "up", up);
            down = text(feature, "down", down);
        }

        /** The words for a feature no catalogue names. */
        public static Entry generic(String feature) {
            return new Entry(feature, GENERIC_CODE, genericText(feature, true), genericText(feature, false));
        }

        private static String text(String feature, String which, String text) {
            String checked = Names.requireText("the '" + which + "' text of the reason for " + feature, text, MAX_TEXT);
            String unplaced = checked.replace(VALUE, "");
            int brace = Math.max(unplaced.indexOf('{'), unplaced.indexOf('}'));
            if (brace >= 0) {
                throw AssayException.invalid("the '" + which + "' text of the reason for " + feature + " has a brace that is not "
                        + VALUE + ", the one placeholder: " + Names.quoted(checked));
            }
            return checked;
        }
    }
}
