package io.assay.data.contract;

import io.assay.core.data.PrivacyClass;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractLoaderTest {
    private static final String VALID = """
            contract_format: 1
            table: payments
            version: 2
            unique_key: [payment_id]
            columns:
              - name: payment_id
                type: STRING
              - name: iban
                type: STRING
                privacy: DIRECT_IDENTIFIER
                pseudonymise: TOKENISE
              - name: amount
                type: DECIMAL
                min: 0
              - name: kind
                type: CODE
                values: [A, B]
            """;

    private DataContract load(String yaml) {
        return new ContractLoader().load("payments.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_valid_contract_loads_with_its_defaults() {
        DataContract contract = load(VALID);

        assertThat(contract.table()).isEqualTo("payments");
        assertThat(contract.version()).isEqualTo(2);
        assertThat(contract.maxRejectedShare()).isEqualTo(0.05);
        assertThat(contract.column("iban").orElseThrow().tokenDomain()).contains("iban");
        assertThat(contract.column("amount").orElseThrow().scale()).isEqualTo(2);
        assertThat(contract.snapshotSchema()).extracting(c -> c.name())
                .containsExactly("business_date", "source_line", "payment_id", "iban", "amount", "kind");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown format|contract_format: 1|contract_format: 9|this build reads contract_format 1",
            "raw identifier|pseudonymise: TOKENISE|pseudonymise: KEEP|DIRECT_IDENTIFIER but kept raw",
            "unknown type|type: DECIMAL|type: MONEY|column 'amount' type 'MONEY'",
            "code without values|values: [A, B]|values: []|of type CODE without its allowed values",
            "unknown key|unique_key: [payment_id]|unique_key: [nope]|unique_key column 'nope' that is not declared",
            "reserved name|name: kind|name: business_date|not 'business_date'",
            "unknown field|version: 2|version: 2\\nowner: me|not a valid contract file",
            "min on a code|values: [A, B]|values: [A, B]\\n    min: 1|only INTEGER and DECIMAL columns take"})
    void a_broken_contract_is_refused_naming_the_file_and_the_problem(String name, String from, String to, String message) {
        String yaml = VALID.replace(from, to.replace("\\n", "\n"));
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(AssayException.class)
                .hasMessageContaining("payments.yaml")
                .hasMessageContaining(message)
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_CONTRACT);
    }

    @Test
    void the_standard_contracts_load_and_never_keep_a_direct_identifier_raw() {
        Contracts contracts = Contracts.standard();

        assertThat(contracts.tables()).containsExactlyInAnyOrderElementsOf(Contracts.STANDARD_TABLES);
        contracts.all().values().forEach(contract -> contract.columns().stream()
                .filter(column -> column.privacy() == PrivacyClass.DIRECT_IDENTIFIER)
                .forEach(column -> assertThat(column.pseudonymisation()).as(contract.table() + "." + column.name())
                        .isNotEqualTo(Pseudonymisation.KEEP)));
    }

    @Test
    void an_unknown_table_names_the_tables_that_have_a_contract() {
        assertThatThrownBy(() -> Contracts.standard().forTable("loans"))
                .hasMessageContaining("unknown table 'loans'")
                .hasMessageContaining("transactions");
    }
}
