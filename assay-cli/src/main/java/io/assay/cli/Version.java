package io.assay.cli;

import picocli.CommandLine;

/** The version printed by {@code assay --version}, from the jar's manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"assay " + (version == null ? "development build" : version) + " (Java "
                + System.getProperty("java.version") + ")"};
    }
}
