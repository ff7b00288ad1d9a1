package dev.tideway.websocket.samples.launcher;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a sample serves: the classes Tideway's initializer is handed (annotated endpoints, {@code Endpoint}
 * subclasses, {@code ServerApplicationConfig}s, as a container's scan would find them), and optionally a
 * class path folder whose files are served at the context root ({@code "static"} serves
 * {@code /static/index.html} from the jar at {@code /} and {@code /index.html}).
 *
 * @param classes the classes handed to Tideway's {@code ServletContainerInitializer}
 * @param staticFolder the class path folder of static files, if any
 */
public record SampleApp(Set<Class<?>> classes, Optional<String> staticFolder) {
    public SampleApp {
        classes = Set.copyOf(classes);
        Objects.requireNonNull(staticFolder, "staticFolder");
    }

    /** An application of these classes, without static files. */
    public static SampleApp of(Class<?>... classes) {
        return new SampleApp(Set.of(classes), Optional.empty());
    }

    /** This application, also serving the files under the class path folder {@code folder}. */
    public SampleApp withStaticFolder(String folder) {
        return new SampleApp(classes, Optional.of(folder));
    }
}
