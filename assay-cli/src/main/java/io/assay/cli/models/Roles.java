package io.assay.cli.models;

import io.assay.core.access.Role;
import io.assay.core.common.Names;
import io.assay.core.error.AssayException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Role names as people type them ("legal_reviewer", "LEGAL_REVIEWER"), with a clear error for the rest. */
public final class Roles {
    private Roles() {}

    public static Role parse(String name) {
        try {
            return Role.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalid("unknown role " + Names.quoted(name) + "; roles are " + Arrays.toString(Role.values()));
        }
    }

    public static Set<Role> parse(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(parse(name)));
        return roles;
    }
}
