package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.measure.TrieShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The measurements besides time in a results folder's raw files, each file read and checked; one that fails names itself and its kind. */
final class RawFiles {
    private RawFiles() {
    }

    static List<Footprint.Measured> readFootprints(Path rawFolder) throws IOException {
        return readAll(rawFolder, Footprint.FILE_PREFIX, "footprint", Footprint::read, measured -> {
            Choice.named(Implementation.values(), measured.implementation());
            Choice.named(KeyPattern.values(), measured.keys());
            Size.named(measured.size());
            require(measured.entries() > 0, "no entries");
        });
    }

    static List<TrieShapes.Measured> readShapes(Path rawFolder) throws IOException {
        return readAll(rawFolder, TrieShapes.FILE_PREFIX, "shape", TrieShapes::read, measured -> {
            Choice.named(Implementation.values(), measured.implementation());
            Size.named(measured.size());
            require(measured.figures() != null, "no figures");
        });
    }

    static List<PoolCounters.Counted> readCounters(Path rawFolder) throws IOException {
        return readAll(rawFolder, PoolCounters.FILE_PREFIX, "counters", PoolCounters::read, counted -> {
            Choice.named(Operation.values(), counted.operation());
            Choice.named(Implementation.values(), counted.implementation());
            Size.named(counted.size());
            counted.keyPattern();
            require(counted.counters() != null, "no counters");
        });
    }

    /** Reads one raw file; it may fail. */
    private interface RawReader<T> {
        T read(Path file) throws IOException;
    }

    /** Every raw file of one kind, each read and checked; a file that fails names itself and its kind. */
    private static <T> List<T> readAll(Path rawFolder, String prefix, String kind,
            RawReader<T> reader, Consumer<T> check)
            throws IOException {
        List<T> found = new ArrayList<>();
        for (Path file : jsonFiles(rawFolder, prefix)) {
            try {
                T read = reader.read(file);
                check.accept(read);
                found.add(read);
            } catch (RuntimeException e) {
                throw new IOException(file + " is not a " + kind + " file: " + e.getMessage(), e);
            }
        }
        return found;
    }

    private static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new IllegalArgumentException(otherwise);
        }
    }

    /** The raw folder's JSON files whose names start with {@code prefix}, sorted. */
    private static List<Path> jsonFiles(Path rawFolder, String prefix) throws IOException {
        if (!Files.isDirectory(rawFolder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(rawFolder)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }
}
