package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the time from JVM start to the first window (goal ≤ 1.5 s): starts the app in fresh JVMs, as a user
 * does, with a property that makes it report and quit once the window is shown. Two configurations:
 * <ul>
 * <li><b>installed</b> – what the installers ship: the code in jars and an AOT cache (JEP 483/514) made by one
 * training run, as {@code installer/build.sh} makes it;</li>
 * <li><b>development</b> – the Maven class path with {@code target/classes}, no cache
 * ({@code mvn compile exec:exec}); the JVM can keep no AOT cache for a class directory.</li>
 * </ul>
 * Uses the real display when there is one (run under xvfb-run for figures close to a desktop), else Monocle.
 * {@code xvfb-run -a mvn -Pbenchmark test -Dtest=StartupBenchmark}
 */
@Tag("benchmark")
class StartupBenchmark {

    private static final int RUNS = 5;

    @Test
    void timeToFirstWindow() throws Exception {
        Path work = Files.createTempDirectory("mailpath-bench");
        Path home = Files.createDirectories(work.resolve("home"));
        List<String> devClassPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        String jarClassPath = String.join(File.pathSeparator, asJars(devClassPath, work));
        Path cache = work.resolve("mailpath.aot");

        startOnce(home, jarClassPath, "-XX:AOTCacheOutput=" + cache);    // the training run
        assertTrue(Files.size(cache) > 0, "the training run wrote no AOT cache");
        List<Start> installed = measure("installed (jars + AOT cache)", home, jarClassPath, "-XX:AOTCache=" + cache);
        List<Start> development = measure("development (class path, no cache)", home,
                String.join(File.pathSeparator, devClassPath), "-Xshare:auto");

        String display = System.getenv("DISPLAY") == null ? "Monocle headless" : System.getenv("DISPLAY");
        System.out.println("MailPath time to first window, goal ≤ 1500 ms (display " + display + ", load average "
                + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + "):");
        System.out.println("  installed (jars + AOT cache): " + summary(installed));
        System.out.println("  development (class path, no cache): " + summary(development));
        assertTrue(Stream.concat(installed.stream(), development.stream()).allMatch(s -> s.wallMs() > 0),
                "a start reported no first window");
    }

    private static List<Start> measure(String label, Path home, String classPath, String jvmOption) throws Exception {
        List<Start> starts = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Start start = startOnce(home, classPath, jvmOption);
            starts.add(start);
            System.out.println("startup " + label + " run " + (i + 1) + ": first window after " + start.wallMs()
                    + " ms (" + start.cpuMs() + " ms CPU)");
        }
        return starts;
    }

    private static String summary(List<Start> starts) {
        List<Long> wall = starts.stream().map(Start::wallMs).sorted().toList();
        List<Long> cpu = starts.stream().map(Start::cpuMs).sorted().toList();
        return "median " + wall.get(wall.size() / 2) + " ms, best " + wall.getFirst() + " ms; CPU median "
                + cpu.get(cpu.size() / 2) + " ms (" + starts.size() + " runs)";
    }

    /** One start: milliseconds from JVM start to the first window, and the CPU time all threads used until then. */
    private record Start(long wallMs, long cpuMs) {
    }

    /** Starts the app once and returns what it reports about its first window. */
    private static Start startOnce(Path home, String classPath, String jvmOption) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", jvmOption,
                "-Xlog:aot=off,cds=off", "-Dmailpath.exitAfterStartup=true", "-Duser.home=" + home));
        if (System.getenv("DISPLAY") == null) {
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        }
        cmd.addAll(List.of("-cp", classPath, "org.mailpath.launcher.Launcher"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_CONFIG_HOME", home.toString());
        Process p = pb.start();
        long ms = -1;
        long cpuMs = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("MAILPATH_STARTUP_MS=")) {
                    ms = Long.parseLong(line.substring(line.indexOf('=') + 1).strip());
                } else if (line.startsWith("MAILPATH_STARTUP_CPU_MS=")) {
                    cpuMs = Long.parseLong(line.substring(line.indexOf('=') + 1).strip());
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the app did not quit");
        return new Start(ms, cpuMs);
    }

    /** The class path with each class directory packed into a jar, as the installers ship the code. */
    private static List<String> asJars(List<String> classPath, Path work) throws IOException {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = work.resolve("classes-" + jars.size() + ".jar");
                packDirectory(path, jar);
                jars.add(jar.toString());
            } else {
                jars.add(entry);
            }
        }
        return jars;
    }

    private static void packDirectory(Path dir, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(dir.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
