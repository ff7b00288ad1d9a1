package dev.tideway.websocket.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.samples.launcher.ContainerKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runnable jar, as a user starts it: {@code java -jar target/tideway-chat.jar}. Its services files
 * (Tideway's initializer and client, Jetty's logging) must have merged for it to serve the page and the
 * chat on either container.
 */
class ChatJarIT {
    private static final Path JAR = Path.of("target", "tideway-chat.jar");
    private static final Pattern LISTENING =
            Pattern.compile("Tideway chat listening on http://127\\.0\\.0\\.1:(\\d+)/ \\((\\w+)\\)");

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void theJarServesThePageAndTheChat(ContainerKind kind) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run the package phase first");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", JAR.toString(),
                "--port", "0", "--host", "127.0.0.1", "--container", kind.id())
                .redirectError(Path.of("target", "chat-jar-" + kind.id() + ".err").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            Matcher listening = LISTENING.matcher(String.valueOf(line));
            assertTrue(listening.matches(), "first line: " + line);
            assertEquals(kind.id(), listening.group(2));
            int port = Integer.parseInt(listening.group(1));

            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>Tideway chat</title>"), page.body());

            try (ChatClient alice = ChatClient.join(port, "lobby", "alice")) {
                assertEquals(Map.of("type", "joined", "name", "alice", "members", List.of("alice")), alice.next());
                alice.say("from the jar");
                assertEquals(Map.of("type", "said", "name", "alice", "text", "from the jar"), alice.next());
            }
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook stops the container
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertEquals(143, process.exitValue(), "exit status after SIGTERM");
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
