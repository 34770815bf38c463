package io.assay.data.contract;

import io.assay.core.data.PrivacyClass;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One column of a data contract: its type and the rules a value must meet, and how private it is.
 *
 * @param tokenDomain     for TOKENISE: values of columns in the same domain get the same token,
 *                        so a customer id tokenised in two tables still joins
 * @param freeText        scanned for raw identifiers (IBAN, e-mail, phone) that must not be stored
 * @param onBusinessDate  the value's date must be the batch's business date
 */
public record ContractColumn(
        String name,
        ColumnType type,
        boolean nullable,
        PrivacyClass privacy,
        Pseudonymisation pseudonymisation,
        Optional<String> tokenDomain,
        int scale,
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        Set<String> allowedValues,
        Optional<Pattern> pattern,
        int maxLength,
        boolean freeText,
        boolean onBusinessDate) {

    public ContractColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(privacy, "privacy is null");
        requireNonNull(pseudonymisation, "pseudonymisation is null");
        requireNonNull(tokenDomain, "tokenDomain is null");
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
        allowedValues = Set.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
        requireNonNull(pattern, "pattern is null");
    }

    public boolean isStored() {
        return pseudonymisation != Pseudonymisation.DROP;
    }

    /** The Parquet/DuckDB type this column is stored as. */
    public String storedSqlType() {
        return pseudonymisation == Pseudonymisation.TOKENISE ? "VARCHAR" : type.sqlType(scale);
    }
}
