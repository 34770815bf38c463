package io.assay.train.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The libraries and build a run records beside its model: the JVM, the operating system, and the
 * Assay version and commit this build was made from (written into the jar at build time; a
 * commit built with uncommitted changes is marked dirty, since it names code it does not hold).
 */
public final class BuildInfo {
    private BuildInfo() {}

    public static Map<String, String> libraries() {
        Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/assay/train/build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the build properties of this jar cannot be read", e);
        }
        Map<String, String> libraries = new LinkedHashMap<>();
        libraries.put("assay", build.getProperty("git.build.version", "unknown"));
        String commit = build.getProperty("git.commit.id.abbrev", "unknown");
        libraries.put("assay_commit", commit + ("true".equals(build.getProperty("git.dirty")) ? "-dirty" : ""));
        libraries.put("jvm", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
        libraries.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return libraries;
    }
}
