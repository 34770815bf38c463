package io.assay.data.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/** The wire shape of a contract file (YAML); {@link ContractLoader} checks it and builds the contract. */
record ContractFile(
        @JsonProperty("contract_format") Integer contractFormat,
        @JsonProperty("table") String table,
        @JsonProperty("version") Integer version,
        @JsonProperty("description") String description,
        @JsonProperty("unique_key") List<String> uniqueKey,
        @JsonProperty("max_rejected_share") Double maxRejectedShare,
        @JsonProperty("tolerated_bad_rows") Integer toleratedBadRows,
        @JsonProperty("columns") List<Column> columns) {

    record Column(
            @JsonProperty("name") String name,
            @JsonProperty("type") String type,
            @JsonProperty("nullable") Boolean nullable,
            @JsonProperty("privacy") String privacy,
            @JsonProperty("pseudonymise") String pseudonymise,
            @JsonProperty("token_domain") String tokenDomain,
            @JsonProperty("scale") Integer scale,
            @JsonProperty("min") BigDecimal min,
            @JsonProperty("max") BigDecimal max,
            @JsonProperty("values") List<String> values,
            @JsonProperty("pattern") String pattern,
            @JsonProperty("max_length") Integer maxLength,
            @JsonProperty("free_text") Boolean freeText,
            @JsonProperty("on_business_date") Boolean onBusinessDate) {
    }
}
