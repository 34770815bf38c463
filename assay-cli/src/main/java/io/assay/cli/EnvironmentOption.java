package io.assay.cli;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;
import io.assay.core.registry.Environment;

import java.util.Locale;

/** What an {@code --env} option names: test or production, in any case. */
public final class EnvironmentOption {
    private EnvironmentOption() {}

    public static Environment parse(String given) {
        try {
            return Environment.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalid("--env is test or production, not " + Names.quoted(given));
        }
    }
}
