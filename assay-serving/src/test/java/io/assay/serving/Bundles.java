package io.assay.serving;

import io.assay.scoring.bundle.BundleFiles;
import io.assay.scoring.bundle.BundleProvenance;
import io.assay.scoring.bundle.BundleSignature;
import io.assay.scoring.bundle.ModelBundle;
import io.assay.scoring.bundle.ModelFormat;
import io.assay.scoring.bundle.ReferenceProfile;
import io.assay.scoring.logistic.LogisticModel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Tiny real bundles: a two-input logistic model of overdraft-40d, its weight on the balance given. */
public final class Bundles {
    public static final BundleSignature SIGNATURE = new BundleSignature("probability", List.of(
            new BundleSignature.Input("balance_now", BundleSignature.Type.DOUBLE, true, -5000.0, 90000.0),
            new BundleSignature.Input("is_student", BundleSignature.Type.BOOLEAN, false, 0.0, 1.0)));

    private Bundles() {}

    public static byte[] overdraft(double balanceWeight) {
        LogisticModel model = new LogisticModel(LogisticModel.FORMAT, List.of("balance_now", "is_student"), new double[] {1200.0, 0.1},
                new double[] {800.0, 0.3}, new double[] {balanceWeight, 0.6}, -2.5);
        BundleProvenance provenance = new BundleProvenance("overdraft-40d-run-1", "logistic", "overdraft-40d-0123456789ab", "a".repeat(64),
                "b".repeat(64), "c".repeat(64), List.of("balances-2026-10-01-0123456789ab"), List.of("2026-10-01"), "default",
                Map.of("accounts-2026-10-01-0123", "d".repeat(64)), Map.of("l2", "1.0"), 7, 1, Map.of("assay", "test"));
        ReferenceProfile.Bins bins = new ReferenceProfile.Bins(new double[] {0.0, 1000.0}, new long[] {10, 50, 40}, 2, -300.0, 80000.0);
        ReferenceProfile reference = new ReferenceProfile("train", 102, Map.of("balance_now", bins,
                "is_student", new ReferenceProfile.Bins(new double[] {1.0}, new long[] {90, 12}, 0, 0.0, 1.0)),
                new ReferenceProfile.Bins(new double[] {0.05}, new long[] {80, 22}, 0, 0.001, 0.9));
        return BundleFiles.write(new ModelBundle("overdraft-40d", ModelFormat.LOGISTIC_JSON, BundleFiles.json(model), SIGNATURE, provenance,
                reference, "{\"spec_format\":1,\"metrics\":[{\"metric\":\"auc\",\"at_least\":0.7}]}".getBytes(StandardCharsets.UTF_8)));
    }
}
