package dev.tideway.websocket.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;

/**
 * Writes a ShrinkWrap archive to a directory the way a container unpacks a WAR file. A nested archive
 * (a library under {@code WEB-INF/lib}) is written as the jar file it stands for, since containers look
 * for jar files there, not directories.
 */
final class ExplodedWar {
    private ExplodedWar() {
    }

    /** Replaces whatever {@code directory} held with the content of {@code archive}. */
    static void write(Archive<?> archive, Path directory) throws IOException {
        delete(directory);
        Files.createDirectories(directory);
        for (Node node : archive.getContent().values()) {
            Path target = directory.resolve(node.getPath().get().substring(1));
            Asset asset = node.getAsset();
            if (asset == null) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                try (InputStream in = asset.openStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes {@code directory} and everything under it; nothing when it does not exist. */
    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
