package io.assay.data.features;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedBankFeaturesTest {
    @TempDir
    static Path root;
    static SimulatedBank bank;

    @BeforeAll
    static void simulateAndIngest() {
        long start = System.nanoTime();
        bank = new SimulatedBank(root, 1000, 135);
        System.out.printf("simulated and ingested in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void builds_a_training_set_for_each_use_case() {
        for (String useCase : List.of("overdraft-40d", "churn", "mortgage-propensity")) {
            long start = System.nanoTime();
            TrainingSet set = bank.data.features().buildTrainingSet("dana", useCase,
                    List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 14)), Optional.empty()).trainingSet();
            System.out.printf("%s: %d rows, label rate %.4f, %s in %d ms%n", useCase, set.rows(), set.labelRate(), set.asOfs(),
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(set.rows()).isPositive();
        }
    }
}
