package io.assay.train;

import io.assay.core.common.IdSource;
import io.assay.core.error.AssayException;
import io.assay.core.error.ErrorCode;
import io.assay.data.features.SimulatedBank;
import io.assay.data.features.TrainingSet;
import io.assay.train.model.Algorithm;
import io.assay.train.run.Run;
import io.assay.train.run.RunStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Training runs on the simulated bank: recorded whole, judged through the compiled scorer, refused cleanly. */
class TrainingServiceTest {
    @TempDir
    static Path root;
    static SimulatedBank bank;
    static TrainingService training;
    static TrainingSet overdraft;
    static TrainingSet churn;

    @BeforeAll
    static void simulate() {
        bank = new SimulatedBank(root, 400, 150);
        LocalDate start = SimulatedBank.START;
        List<LocalDate> asOfs = List.of(start.plusDays(45), start.plusDays(52), start.plusDays(59));
        overdraft = bank.data.features().buildTrainingSet("dana", "overdraft-40d", asOfs, Optional.empty()).value();
        churn = bank.data.features().buildTrainingSet("dana", "churn", asOfs, Optional.empty()).value();
        training = new TrainingService(bank.home, bank.data.features(), bank.data.access(), bank.catalog.audit(), Clock.systemUTC(),
                IdSource.sequential());
    }

    @Test
    void a_logistic_run_is_recorded_with_its_figures_model_and_provenance() {
        Run run = training.train("dana", request(overdraft, Algorithm.LOGISTIC, Map.of()), (r, n, m, v) -> { });
        assertThat(run.succeeded()).isTrue();
        assertThat(run.id()).matches("overdraft-40d-run-\\d+");
        assertThat(run.metrics()).containsOnlyKeys("validation", "test");
        Run.SplitMetrics test = run.metrics().get("test");
        assertThat(test.figure("auc")).isBetween(0.6, 1.0);
        assertThat(test.figure("rows")).isEqualTo((double) overdraft.splits().get("test").rows());
        assertThat(test.calibration()).hasSizeBetween(5, 10);
        assertThat(run.segments().get("test")).containsKeys("age_band", "segment", "region");
        assertThat(run.provenance().trainsetSha256()).isEqualTo(overdraft.contentSha256());
        assertThat(run.provenance().snapshots()).isNotEmpty();
        assertThat(run.provenance().libraries()).containsKeys("assay", "assay_commit", "jvm", "os");
        assertThat(run.parameters()).containsEntry("l2", "1.0");
        RunStore.Artifacts artifacts = training.artifacts("dana", run);
        assertThat(artifacts.signature().names()).isEqualTo(overdraft.features());
        assertThat(artifacts.reference().inputs()).containsOnlyKeys(overdraft.features().toArray(String[]::new));
        assertThat(training.runs("dana", Optional.of("overdraft-40d"))).extracting(Run::id).contains(run.id());
        assertThat(training.run("dana", run.id())).isEqualTo(run);
    }

    @Test
    void the_same_training_set_and_parameters_give_the_same_model_bytes() {
        Run first = training.train("dana", request(churn, Algorithm.LOGISTIC, Map.of("l2", "2")), (r, n, m, v) -> { });
        Run second = training.train("dana", request(churn, Algorithm.LOGISTIC, Map.of("l2", "2.0")), (r, n, m, v) -> { });
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.modelSha256()).isEqualTo(first.modelSha256());
    }

    @Test
    void an_unknown_parameter_is_refused_by_name_and_recorded_as_a_failed_run() {
        assertThatThrownBy(() -> training.train("dana", request(churn, Algorithm.LOGISTIC, Map.of("max_deph", "4")), (r, n, m, v) -> { }))
                .hasMessageContaining("parameter 'max_deph' is unknown to logistic").hasMessageContaining("recorded as failed run");
        Run failed = training.runs("dana", Optional.of("churn")).stream().filter(r -> !r.succeeded() && r.failure().contains("max_deph")).findFirst().orElseThrow();
        assertThat(failed.failure()).contains("max_deph");
        assertThat(failed.modelSha256()).isNull();
        assertThat(Files.exists(bank.home.resolve("runs/churn").resolve(failed.id()).resolve(RunStore.MODEL))).isFalse();
        assertThatThrownBy(() -> training.artifacts("dana", failed)).hasMessageContaining("made no model");
    }

    @Test
    void an_out_of_range_parameter_names_its_range() {
        assertThatThrownBy(() -> training.train("dana", request(churn, Algorithm.XGBOOST, Map.of("max_depth", "40")), (r, n, m, v) -> { }))
                .hasMessageContaining("parameter max_depth is 40; it takes 1 to 16");
    }

    @Test
    void an_unknown_training_set_or_one_of_another_use_case_is_refused_before_any_run() {
        int before = training.runs("dana", Optional.empty()).size();
        assertThatThrownBy(() -> training.train("dana", new TrainingService.Request("churn", "churn-000000000000", Algorithm.LOGISTIC,
                Map.of()), (r, n, m, v) -> { })).isInstanceOfSatisfying(AssayException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND)).hasMessageContaining("no training set");
        assertThatThrownBy(() -> training.train("dana", new TrainingService.Request("churn", overdraft.id(), Algorithm.LOGISTIC, Map.of()),
                (r, n, m, v) -> { })).hasMessageContaining("is of use case overdraft-40d, not churn");
        assertThat(training.runs("dana", Optional.empty())).hasSize(before);
    }

    @Test
    void training_takes_the_data_scientist_role_and_a_live_grant() {
        assertThatThrownBy(() -> training.train("sam", request(churn, Algorithm.LOGISTIC, Map.of()), (r, n, m, v) -> { }))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ROLE_REQUIRED));
    }

    @Test
    void a_data_scientist_without_a_grant_may_not_train() {
        assertThatThrownBy(() -> training.train("eve", request(churn, Algorithm.LOGISTIC, Map.of()), (r, n, m, v) -> { }))
                .isInstanceOfSatisfying(AssayException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
    }

    private static TrainingService.Request request(TrainingSet set, Algorithm algorithm, Map<String, String> parameters) {
        return new TrainingService.Request(set.useCase(), set.id(), algorithm, parameters);
    }
}
