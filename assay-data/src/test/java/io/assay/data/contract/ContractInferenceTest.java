package io.assay.data.contract;

import io.assay.core.data.PrivacyClass;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractInferenceTest {
    @TempDir
    Path folder;

    @Test
    void drafts_a_contract_that_loads_with_types_ranges_codes_shapes_and_guessed_privacy() throws Exception {
        Path sample = folder.resolve("bureau.csv");
        Files.writeString(sample, """
                customer_id,full_name,email,gender,score,debt,band,reported_on,note
                C00000001,Ann Example,ann@example.org,F,712,1200.50,A,2026-05-01,
                C00000002,Bob Example,bob@example.org,M,655,0.00,B,2026-05-01,late payment in march 2026
                C00000003,Cy Example,cy@example.org,F,590,15000.25,B,2026-05-01,
                C00000004,Di Example,di@example.org,X,801,,A,2026-05-01,
                """);
        String yaml = ContractInference.infer(sample, "bureau", Optional.of("customer_id"), Optional.of("reported_on"));
        DataContract contract = new ContractLoader().load("draft", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

        assertThat(contract.table()).isEqualTo("bureau");
        assertThat(contract.uniqueKey()).containsExactly("customer_id");
        ContractColumn customer = contract.column("customer_id").orElseThrow();
        assertThat(customer.privacy()).isEqualTo(PrivacyClass.DIRECT_IDENTIFIER);
        assertThat(customer.pseudonymisation()).isEqualTo(Pseudonymisation.TOKENISE);
        assertThat(customer.tokenDomain()).contains("customer");
        assertThat(customer.pattern().orElseThrow().pattern()).isEqualTo("C[0-9]{8}");
        assertThat(contract.column("full_name").orElseThrow().pseudonymisation()).isEqualTo(Pseudonymisation.DROP);
        assertThat(contract.column("email").orElseThrow().pseudonymisation()).isEqualTo(Pseudonymisation.DROP);
        assertThat(contract.column("gender").orElseThrow().privacy()).isEqualTo(PrivacyClass.SENSITIVE);
        ContractColumn score = contract.column("score").orElseThrow();
        assertThat(score.type()).isEqualTo(ColumnType.INTEGER);
        assertThat(score.min().orElseThrow()).isEqualByComparingTo("590");
        assertThat(score.max().orElseThrow()).isEqualByComparingTo("801");
        ContractColumn debt = contract.column("debt").orElseThrow();
        assertThat(debt.type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(debt.scale()).isEqualTo(2);
        assertThat(debt.nullable()).isTrue();
        assertThat(contract.column("band").orElseThrow().allowedValues()).containsExactlyInAnyOrder("A", "B");
        assertThat(contract.column("reported_on").orElseThrow().onBusinessDate()).isTrue();
        assertThat(contract.column("note").orElseThrow().freeText()).isTrue();
        assertThat(yaml).contains("# REVIEW");
    }

    @Test
    void an_empty_or_header_only_file_and_a_key_that_repeats_are_refused_by_name() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty.csv"), "");
        assertThatThrownBy(() -> ContractInference.infer(empty, "t", Optional.empty(), Optional.empty()))
                .isInstanceOf(AssayException.class).hasMessageContaining("empty.csv is empty")
                .extracting(e -> ((AssayException) e).code()).isEqualTo(ErrorCode.INVALID_BATCH);
        Path headerOnly = Files.writeString(folder.resolve("header.csv"), "customer_id,score\n");
        assertThatThrownBy(() -> ContractInference.infer(headerOnly, "t", Optional.empty(), Optional.empty()))
                .hasMessageContaining("header.csv has a header but no rows");
        Path repeated = Files.writeString(folder.resolve("repeated.csv"), "customer_id,score\nC00000001,1\nC00000001,2\n");
        assertThatThrownBy(() -> ContractInference.infer(repeated, "t", Optional.of("customer_id"), Optional.empty()))
                .hasMessageContaining("1 repeated value(s) in --key column customer_id");
        assertThatThrownBy(() -> ContractInference.infer(repeated, "t", Optional.of("id"), Optional.empty()))
                .hasMessageContaining("no column 'id' for --key");
        assertThatThrownBy(() -> ContractInference.infer(repeated, "t", Optional.empty(), Optional.of("score")))
                .hasMessageContaining("--date-column score of type INTEGER");
    }
}
