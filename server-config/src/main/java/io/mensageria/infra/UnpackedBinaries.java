package io.mensageria.infra;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Clears half-unpacked PostgreSQL binaries left by a launcher that died while unpacking.
 *
 * <p>zonky unpacks into {@code <dir>/PG-<md5>/} and marks success with a {@code .exists} file. A
 * folder without the mark is never repaired: every later start fails with FileAlreadyExistsException.
 * A folder whose {@code epg-lock} another process holds is being unpacked right now and is left alone.
 */
final class UnpackedBinaries {

    private UnpackedBinaries() {}

    static void removeIncomplete(File workingDirectory) throws IOException {
        File[] unpacked =
                workingDirectory.listFiles(f -> f.isDirectory() && f.getName().startsWith("PG-"));
        if (unpacked == null) {
            return;
        }
        for (File dir : unpacked) {
            if (new File(dir, ".exists").exists()) {
                continue;
            }
            try (RandomAccessFile lockFile = new RandomAccessFile(new File(dir, "epg-lock"), "rw");
                    FileLock lock = lockFile.getChannel().tryLock()) {
                if (lock != null) {
                    System.err.println("removing incomplete PostgreSQL binaries " + dir);
                    deleteTree(dir.toPath());
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
