package dev.hamtlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK 25 the JDK 25 platforms' forks run on: the one --jdk names, or the first found where
 * JDKs are installed. Only a JDK 25 will do: the column is named for it.
 */
public final class Jdk25 {
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(25(?:[.+][^\"]*)?)\"");

    private Jdk25() {
    }

    /** A JDK 25: its java launcher and its version, for example "25.0.3". */
    public record Found(Path java, String version) {
        /** For example "25.0.3 (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)". */
        public String describe() {
            return version + " (" + java + ")";
        }
    }

    /** Where JDKs are installed on Linux, macOS and by SDKMAN or IntelliJ, and beside the runner's own JDK. */
    public static List<Path> searched() {
        Path home = Path.of(System.getProperty("user.home"));
        Path runners = Path.of(System.getProperty("java.home")).toAbsolutePath().getParent();
        return Stream.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"),
                Path.of("/Library/Java/JavaVirtualMachines"),
                        home.resolve(".sdkman/candidates/java"), home.resolve(".jdks"),
                runners).filter(Files::isDirectory).distinct().toList();
    }

    /** The JDK 25 at {@code path}, a JDK's home or its bin/java; refused with the reason otherwise. */
    public static Found given(String path) throws BadInput {
        Path named = Path.of(path).toAbsolutePath().normalize();
        Path home = named.endsWith(Path.of("bin", "java")) ? named.getParent().getParent() : named;
        return at(home).orElseThrow(() -> new BadInput("--jdk '" + path
                + "' is not a JDK 25 (no bin/java with a release"
                + " file saying JAVA_VERSION=\"25...\"); give a JDK 25's home, e.g. /usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    /** The first JDK 25 in the {@link #searched()} folders, if any. */
    public static Optional<Found> find() {
        for (Path folder : searched()) {
            try (Stream<Path> homes = Files.list(folder)) {
                Optional<Found> found = homes.sorted().map(Jdk25::at).flatMap(Optional::stream).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                // An unreadable folder holds no JDK we can use.
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> at(Path home) {
        // A macOS bundle keeps its JDK under Contents/Home.
        Path jdk = Files.isDirectory(home.resolve("Contents/Home")) ? home.resolve("Contents/Home") : home;
        Path java = jdk.resolve("bin").resolve("java");
        try {
            Matcher version = RELEASE_VERSION.matcher(Files.readString(jdk.resolve("release")));
            return Files.isExecutable(java) && version.find()
                    ? Optional.of(new Found(java, version.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
