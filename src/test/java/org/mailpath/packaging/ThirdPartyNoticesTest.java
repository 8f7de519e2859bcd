package org.mailpath.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar keeps one file per name, so the libraries' LICENSE and NOTICE files are dropped from it (pom.xml)
 * and kept under META-INF/licenses/ with META-INF/THIRD-PARTY.txt as their index. This holds that index to the
 * dependencies: each library on the class path that is not a test's has its block, every file a block names is
 * there, and each LICENSE/NOTICE file a library's jar carries is kept byte for byte, so that a new dependency, or a
 * new version with a changed NOTICE, fails here until its notices are added.
 */
class ThirdPartyNoticesTest {

    private static final String INDEX = "META-INF/THIRD-PARTY.txt";

    /** Groups of the test libraries and of Maven's test runner, which are on the test class path only. */
    private static final Set<String> TEST_GROUPS = Set.of("org.junit.jupiter", "org.junit.platform", "org.opentest4j",
            "org.apiguardian", "com.tngtech.archunit", "com.code-intelligence", "org.testfx", "org.yaml",
            "org.hamcrest", "org.assertj", "org.osgi", "org.apache.maven.surefire", "org.apache.maven",
            // veraPDF, which PdfUaTest validates the report with, and the libraries it brings
            "org.verapdf", "org.mozilla", "javax.xml.bind", "javax.activation", "com.sun.xml.bind",
            "net.java.dev.stax-utils");

    /** {@code ~/.m2/repository/<group as path>/<artifact>/<version>/<artifact>-<version>[-classifier].jar}. */
    private static final Pattern REPOSITORY_JAR = Pattern.compile(
            ".*/repository/(.+)/([^/]+)/([^/]+)/\\2-\\3(?:-[^/]+)?\\.jar");

    /** A library's own license and notice files at the root of its META-INF. */
    private static final Pattern NOTICE_ENTRY = Pattern.compile(
            "META-INF/([A-Za-z]+-)?(LICENSE|NOTICE)(\\.txt)?");

    private record Dependency(String coordinates, String artifactId, Path jar) { }

    @Test
    void everyRuntimeDependencyHasItsBlock() {
        Map<String, List<String>> index = index();
        List<String> missing = runtimeDependencies().stream().map(Dependency::coordinates)
                .filter(c -> !index.containsKey(c)).distinct().toList();
        assertEquals(List.of(), missing, "dependencies without a block in " + INDEX);
    }

    @Test
    void everyBlockIsOfADependency() {
        Set<String> onClassPath = new TreeSet<>(runtimeDependencies().stream().map(Dependency::coordinates).toList());
        List<String> stale = index().keySet().stream().filter(c -> !onClassPath.contains(c)).toList();
        assertEquals(List.of(), stale, INDEX + " names libraries MailPath no longer has");
    }

    @Test
    void everyFileTheIndexNamesIsThere() {
        String text = new String(resource(INDEX).orElseThrow(), StandardCharsets.UTF_8);
        List<String> named = Arrays.stream(text.split("\n\n")).flatMap(b -> field(b, "Files").stream()).toList();
        assertTrue(named.contains("org/mailpath/report/fonts/DejaVu-LICENSE.txt"), named.toString());
        List<String> missing = named.stream().distinct()
                .filter(file -> getClass().getClassLoader().getResource(file) == null).toList();
        assertEquals(List.of(), missing, "files named in " + INDEX + " but not on the class path");
    }

    @Test
    void eachLibrarysOwnLicenseAndNoticeFilesAreKeptUnchanged() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> index = index();
        for (Dependency dependency : runtimeDependencies()) {
            try (JarFile jar = new JarFile(dependency.jar().toFile())) {
                for (ZipEntry entry : jar.stream().filter(e -> NOTICE_ENTRY.matcher(e.getName()).matches()).toList()) {
                    String kept = "META-INF/licenses/" + dependency.artifactId() + "/"
                            + entry.getName().substring("META-INF/".length());
                    Optional<byte[]> ours = resource(kept);
                    if (ours.isEmpty()) {
                        problems.add(dependency.coordinates() + ": " + entry.getName() + " not kept as " + kept);
                    } else if (!Arrays.equals(ours.get(), jar.getInputStream(entry).readAllBytes())) {
                        problems.add(dependency.coordinates() + ": " + kept + " differs from its " + entry.getName());
                    } else if (!index.getOrDefault(dependency.coordinates(), List.of()).contains(kept)) {
                        problems.add(dependency.coordinates() + ": " + kept + " not named in its block");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theIndexIsReadAsItIsWritten() {
        Map<String, List<String>> index = index();
        // a few known blocks: if parsing went wrong the tests above would pass on an empty index
        assertTrue(index.size() > 30, index.keySet().toString());
        assertEquals(List.of("META-INF/licenses/dnsjava/LICENSE"), index.get("dnsjava:dnsjava"));
        assertTrue(index.get("org.openjfx:javafx-graphics").contains("META-INF/licenses/openjfx/LICENSE"));
        assertFalse(runtimeDependencies().isEmpty());
        assertArrayEquals(resource("META-INF/licenses/ikonli-core/LICENSE").orElseThrow(),
                resource("META-INF/licenses/ikonli-javafx/LICENSE").orElseThrow());
    }

    /** The libraries on the class path other than the tests' own, the build's first (target/classes) excluded. */
    private static List<Dependency> runtimeDependencies() {
        List<Dependency> dependencies = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = REPOSITORY_JAR.matcher(entry.replace(File.separatorChar, '/'));
            if (m.matches()) {
                String group = m.group(1).replace('/', '.');
                if (!TEST_GROUPS.contains(group)) {
                    dependencies.add(new Dependency(group + ":" + m.group(2), m.group(2), Path.of(entry)));
                }
            }
        }
        return dependencies;
    }

    /** Artifact ({@code group:artifact}) to the files its block names, from {@code Artifacts:} and {@code Files:}. */
    private Map<String, List<String>> index() {
        String text = new String(resource(INDEX).orElseThrow(), StandardCharsets.UTF_8);
        Map<String, List<String>> index = new LinkedHashMap<>();
        for (String block : text.split("\n\n")) {
            List<String> artifacts = field(block, "Artifacts");
            List<String> files = field(block, "Files");
            for (String artifact : artifacts) {
                if (artifact.contains(":")) {
                    index.put(artifact, files);
                }
            }
        }
        return index;
    }

    private static List<String> field(String block, String name) {
        return block.lines().filter(l -> l.startsWith(name + ": ")).findFirst()
                .map(l -> List.of(l.substring(name.length() + 2).trim().split(" +"))).orElse(List.of());
    }

    private Optional<byte[]> resource(String name) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
