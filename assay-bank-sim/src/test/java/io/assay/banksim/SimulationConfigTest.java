package io.assay.banksim;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulationConfigTest {

    @Test
    void defaults_are_the_demo_bank() {
        assertThat(SimulationConfig.defaults()).isEqualTo(new SimulationConfig(5000, 90, 7, LocalDate.of(2026, 7, 1), 60,
                Shift.INFLATION_AND_SALARY_TAXONOMY, 0.002));
    }

    @Test
    void every_field_has_a_wither() {
        SimulationConfig config = SimulationConfig.defaults()
                .withCustomers(10)
                .withDays(20)
                .withSeed(3)
                .withStartDate(LocalDate.of(2027, 1, 1))
                .withShiftDay(5)
                .withShift(Shift.INFLATION)
                .withBadRowRate(0.1);
        assertThat(config).isEqualTo(new SimulationConfig(10, 20, 3, LocalDate.of(2027, 1, 1), 5, Shift.INFLATION, 0.1));
        assertThat(config.endDate()).isEqualTo(LocalDate.of(2027, 1, 20));
    }

    @Test
    void a_shorter_run_keeps_its_shift_on_its_last_day() {
        assertThat(SimulationConfig.defaults().withDays(30).shiftDay()).isEqualTo(30);
        assertThat(SimulationConfig.defaults().withDays(120).shiftDay()).isEqualTo(60);
        assertThat(SimulationConfig.defaults().withShiftDay(0).withDays(30).shiftDay()).isZero();
    }

    @Test
    void the_shift_holds_from_its_day_on() {
        SimulationConfig config = SimulationConfig.defaults().withShiftDay(3);
        assertThat(config.shiftHoldsOn(1)).isFalse();
        assertThat(config.shiftHoldsOn(2)).isTrue();
        assertThat(config.withShiftDay(0).shiftHoldsOn(89)).isFalse();
    }

    @Test
    void out_of_range_values_are_refused_with_the_value_named() {
        SimulationConfig config = SimulationConfig.defaults();
        assertThatThrownBy(() -> config.withCustomers(0)).hasMessage("customers must be 1..10000000, not 0");
        assertThatThrownBy(() -> config.withCustomers(10_000_001)).hasMessageContaining("not 10000001");
        assertThatThrownBy(() -> config.withDays(0)).hasMessage("days must be 1..3650, not 0");
        assertThatThrownBy(() -> config.withDays(3651)).hasMessageContaining("not 3651");
        assertThatThrownBy(() -> config.withShiftDay(91))
                .hasMessage("shiftDay must be 1..90 (the days simulated) or 0 for no shift, not 91");
        assertThatThrownBy(() -> config.withShiftDay(-1)).hasMessageContaining("not -1");
        assertThatThrownBy(() -> config.withBadRowRate(-0.01)).hasMessage("badRowRate must be 0..0.5, not -0.01");
        assertThatThrownBy(() -> config.withBadRowRate(0.51)).hasMessageContaining("not 0.51");
        assertThatThrownBy(() -> config.withBadRowRate(Double.NaN)).hasMessageContaining("not NaN");
        assertThatThrownBy(() -> config.withStartDate(LocalDate.of(1900, 1, 1))).hasMessageContaining("1900-01-01");
        assertThatThrownBy(() -> config.withStartDate(null)).hasMessage("startDate is null");
        assertThatThrownBy(() -> config.withShift(null)).hasMessage("shift is null");
    }
}
