package io.assay.scoring.bundle;

import io.assay.core.error.AssayException;
import io.assay.scoring.Scorer;
import io.assay.scoring.logistic.LogisticModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bundle format: written the same bytes every time, read back equal, and refused whole when
 * a byte, a part or the format is not what it says. The golden bundle of format 1 is checked in
 * and must keep loading: when the format changes, raise ModelBundle.FORMAT, keep reading 1, and
 * check in a golden bundle of the new format beside it.
 */
class BundleFilesTest {
    static ModelBundle bundle() {
        LogisticModel model = new LogisticModel(LogisticModel.FORMAT, List.of("balance_now", "is_student"), new double[] {1200.0, 0.1},
                new double[] {800.0, 0.3}, new double[] {-0.9, 0.6}, -2.5);
        BundleSignature signature = new BundleSignature("probability", List.of(
                new BundleSignature.Input("balance_now", BundleSignature.Type.DOUBLE, true, -5000.0, 90000.0),
                new BundleSignature.Input("is_student", BundleSignature.Type.INTEGER, false, 0.0, 1.0)));
        BundleProvenance provenance = new BundleProvenance("overdraft-40d-run-1", "logistic", "overdraft-40d-0123456789ab", "a".repeat(64),
                "b".repeat(64), "c".repeat(64), List.of("balances-2026-10-01-0123456789ab"), List.of("2026-10-01", "2026-10-08", "2026-10-15"),
                "default", Map.of("accounts-2026-10-01-0123", "d".repeat(64)), Map.of("l2", "1.0"), 7, 1,
                Map.of("assay", "0.1.0-SNAPSHOT", "jvm", "test"));
        ReferenceProfile.Bins bins = new ReferenceProfile.Bins(new double[] {0.0, 1000.0}, new long[] {10, 50, 40}, 2, -300.0, 80000.0);
        ReferenceProfile reference = new ReferenceProfile("train", 102, Map.of("balance_now", bins,
                "is_student", new ReferenceProfile.Bins(new double[] {1.0}, new long[] {90, 12}, 0, 0.0, 1.0)),
                new ReferenceProfile.Bins(new double[] {0.05}, new long[] {80, 22}, 0, 0.001, 0.9));
        return new ModelBundle("overdraft-40d", ModelFormat.LOGISTIC_JSON, BundleFiles.json(model), signature, provenance, reference,
                "{\"spec_format\":1,\"metrics\":[{\"metric\":\"auc\",\"at_least\":0.7}]}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_bundle_is_the_same_bytes_every_time_and_reads_back_equal() {
        byte[] first = BundleFiles.write(bundle());
        assertThat(BundleFiles.write(bundle())).isEqualTo(first);
        ModelBundle read = BundleFiles.read(first);
        assertThat(read.modelSha256()).isEqualTo(bundle().modelSha256());
        assertThat(read.signature()).isEqualTo(bundle().signature());
        assertThat(read.provenance()).isEqualTo(bundle().provenance());
        assertThat(BundleFiles.write(read)).isEqualTo(first);
    }

    @Test
    void the_golden_bundle_of_format_1_still_loads_and_scores_as_it_did() throws IOException {
        byte[] golden;
        try (InputStream in = BundleFilesTest.class.getResourceAsStream("/golden/bundle-format-1.zip")) {
            golden = in.readAllBytes();
        }
        ModelBundle read = BundleFiles.read(golden);
        assertThat(read.useCase()).isEqualTo("overdraft-40d");
        Scorer scorer = ModelScorers.compile(read);
        // -2.5 - 0.9 * (400 - 1200) / 800 + 0.6 * (1 - 0.1) / 0.3, summed in double, rounded once to float
        assertThat(scorer.margin(new float[] {400f, 1f})).isEqualTo((float) (-2.5 + -0.9 * ((400.0 - 1200.0) / 800.0) + 0.6 * ((1.0 - 0.1) / 0.3)));
        assertThat(scorer.margin(new float[] {Float.NaN, 0f})).isEqualTo((float) (-2.5 + 0.6 * ((0.0 - 0.1) / 0.3)));
        assertThat(BundleFiles.write(read)).as("format 1 is still written as it was").isEqualTo(golden);
    }

    @Test
    void a_changed_byte_is_refused_and_a_part_changed_and_zipped_again_is_named() throws IOException {
        byte[] bytes = BundleFiles.write(bundle());
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        byte[] flipped = bytes.clone();
        flipped[text.indexOf("\"intercept\":-2.5") + "\"intercept\":-".length()] = '3';
        assertThatThrownBy(() -> BundleFiles.read(flipped)).isInstanceOf(AssayException.class).hasMessageContaining("CRC");
        byte[] rezipped = rezip(bytes, BundleFiles.MODEL, part -> part.replace("\"intercept\":-2.5", "\"intercept\":-3.5"));
        assertThatThrownBy(() -> BundleFiles.read(rezipped)).isInstanceOf(AssayException.class)
                .hasMessageContaining("part model.json has SHA-256").hasMessageContaining("changed after it was written");
    }

    @Test
    void an_unknown_format_a_missing_part_and_a_file_that_is_no_bundle_are_refused() throws IOException {
        byte[] bytes = BundleFiles.write(bundle());
        byte[] newer = rezip(bytes, BundleFiles.MANIFEST, part -> part.replace("\"bundle_format\":1", "\"bundle_format\":7"));
        assertThatThrownBy(() -> BundleFiles.read(newer)).hasMessageContaining("bundle_format 7; this Assay reads bundle_format 1");
        byte[] missing = rezip(bytes, BundleFiles.REFERENCE, part -> null);
        assertThatThrownBy(() -> BundleFiles.read(missing)).hasMessageContaining("has no part reference.json");
        assertThatThrownBy(() -> BundleFiles.read("{\"learner\": {}}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a model bundle");
        assertThatThrownBy(() -> BundleFiles.read(new byte[0])).hasMessageContaining("not a model bundle");
    }

    /** The bundle zipped again with one part changed ({@code change} returns null to leave the part out). */
    private static byte[] rezip(byte[] bundle, String name, java.util.function.UnaryOperator<String> change) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bundle));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String changed = entry.getName().equals(name) ? change.apply(content) : content;
                if (changed != null) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    zip.write(changed.getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void a_signature_that_does_not_match_the_model_is_refused() {
        ModelBundle good = bundle();
        BundleSignature one = new BundleSignature("probability", List.of(good.signature().inputs().get(0)));
        ModelBundle bad = new ModelBundle(good.useCase(), good.modelFormat(), good.model(), one, good.provenance(), good.reference(),
                good.metricSpec());
        assertThatThrownBy(() -> ModelScorers.compile(bad)).hasMessageContaining("takes 2 features but its signature names 1");
    }
}
