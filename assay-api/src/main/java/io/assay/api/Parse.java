package io.assay.api;

import io.assay.core.access.Role;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Names as people and clients write them ("legal_reviewer", "approve"), with a clear error for the rest. */
public final class Parse {
    private Parse() {}

    public static Role role(String name) {
        return constant(Role.class, "role", name);
    }

    public static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        required("roles", names).forEach(name -> roles.add(role(name)));
        return roles;
    }

    public static <E extends Enum<E>> E constant(Class<E> type, String what, String name) {
        if (name == null || name.isBlank()) {
            throw AssayException.invalid(what + " is required; one of " + Arrays.toString(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalid("unknown " + what + " " + Names.quoted(name) + "; one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static <T> T required(String what, T value) {
        if (value == null) {
            throw AssayException.invalid(what + " is required");
        }
        return value;
    }

    /** A version number as "3" or "v3", or "none". */
    public static Optional<Integer> versionOrNone(String what, String value) {
        if (value.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.startsWith("v") ? value.substring(1) : value));
        } catch (NumberFormatException e) {
            throw AssayException.invalid(what + " " + Names.quoted(value) + " is neither a version number nor 'none'");
        }
    }
}
