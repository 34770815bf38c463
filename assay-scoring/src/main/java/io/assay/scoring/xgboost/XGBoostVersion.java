package io.assay.scoring.xgboost;

import io.assay.core.error.AssayException;

/** The XGBoost release that wrote a model (its top-level {@code "version": [major, minor, patch]}). */
public record XGBoostVersion(int major, int minor, int patch) implements Comparable<XGBoostVersion> {
    public XGBoostVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw AssayException.invalid("XGBoost version " + major + "." + minor + "." + patch + " has a negative part");
        }
    }

    public boolean isAtLeast(int atLeastMajor, int atLeastMinor) {
        return major > atLeastMajor || (major == atLeastMajor && minor >= atLeastMinor);
    }

    @Override
    public int compareTo(XGBoostVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
