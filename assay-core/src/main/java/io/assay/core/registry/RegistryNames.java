package io.assay.core.registry;

import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.util.regex.Pattern;

/** Shapes of registry names (use cases, gates, metrics, features), checked in one place. */
public final class RegistryNames {
    private static final Pattern USE_CASE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_.-]{0,62}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private RegistryNames() {}

    public static String requireUseCaseName(String name) {
        if (name == null || !USE_CASE.matcher(name).matches()) {
            throw AssayException.invalid("use case name " + Names.quoted(name)
                    + " is not valid: use 2 to 63 lower-case letters, digits and '-', starting with a letter");
        }
        return name;
    }

    /** A gate, metric, feature or parameter name. */
    public static String requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw AssayException.invalid(what + " " + Names.quoted(name)
                    + " is not valid: use lower-case letters, digits, '_', '.' and '-', starting with a letter (at most 63)");
        }
        return name;
    }

    public static String requireSha256(String what, String hash) {
        if (hash == null || !SHA256.matcher(hash).matches()) {
            throw AssayException.invalid(what + " " + Names.quoted(hash) + " is not a SHA-256 (64 lower-case hex digits)");
        }
        return hash;
    }
}
