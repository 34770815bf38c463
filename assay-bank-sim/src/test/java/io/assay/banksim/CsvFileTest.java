package io.assay.banksim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written formatting agrees with the JDK's, field by field. */
class CsvFileTest {
    private static final Path FOLDER = Runs.newFolder();

    @Property(tries = 300)
    void cents_are_written_as_plain_decimals_with_two_digits(
            @ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long cents) {
        assertThat(written(csv -> csv.cents(cents))).isEqualTo(BigDecimal.valueOf(cents, 2).toPlainString());
    }

    @Property(tries = 300)
    void dates_are_written_as_iso_dates(@ForAll @IntRange(min = -25_000, max = 100_000) int epochDay) {
        assertThat(written(csv -> csv.date(epochDay))).isEqualTo(LocalDate.ofEpochDay(epochDay).toString());
    }

    @Property(tries = 300)
    void timestamps_are_written_to_the_second(@ForAll @IntRange(min = 0, max = 86_399) int second) {
        LocalDateTime expected = LocalDate.of(2026, 7, 1).atStartOfDay().plusSeconds(second);
        assertThat(written(csv -> csv.timestamp((int) LocalDate.of(2026, 7, 1).toEpochDay(), second)))
                .isEqualTo(expected.toString().length() == 16 ? expected + ":00" : expected.toString());
    }

    @Property(tries = 100)
    void ids_are_zero_padded(@ForAll @LongRange(min = 0, max = 99_999_999) long number) {
        assertThat(written(csv -> csv.id('C', number, 8))).isEqualTo("C" + String.format("%08d", number));
    }

    @Test
    void text_is_quoted_only_when_it_must_be() {
        assertThat(written(csv -> csv.text("plain text"))).isEqualTo("plain text");
        assertThat(written(csv -> csv.text("declined, twice"))).isEqualTo("\"declined, twice\"");
        assertThat(written(csv -> csv.text("called \"first\""))).isEqualTo("\"called \"\"first\"\"\"");
        assertThat(written(csv -> csv.text("Zoë Öztürk"))).isEqualTo("Zoë Öztürk");
        assertThat(written(csv -> csv.text(null))).isEmpty();
    }

    @Test
    void fields_are_separated_by_commas_and_rows_end_with_a_line_break() throws Exception {
        Path file = Files.createTempFile(FOLDER, "row", ".csv");
        CsvFile csv = new CsvFile(file, "a,b,c");
        csv.text("x").empty().number(-42).endRow();
        String sha256 = csv.finish();
        assertThat(Files.readString(file)).isEqualTo("a,b,c\nx,,-42\n");
        assertThat(csv.rows()).isEqualTo(1);
        assertThat(sha256).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("a,b,c\nx,,-42\n".getBytes(StandardCharsets.UTF_8))));
    }

    private interface Field {
        void write(CsvFile csv);
    }

    private static String written(Field field) {
        try {
            Path file = Files.createTempFile(FOLDER, "field", ".csv");
            CsvFile csv = new CsvFile(file, "field");
            field.write(csv);
            csv.endRow().finish();
            String content = Files.readString(file);
            return content.substring("field\n".length(), content.length() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
