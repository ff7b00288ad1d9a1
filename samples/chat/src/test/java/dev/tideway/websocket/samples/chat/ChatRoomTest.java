package dev.tideway.websocket.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.samples.launcher.ContainerKind;
import dev.tideway.websocket.samples.launcher.RunningServer;
import dev.tideway.websocket.samples.launcher.SampleLauncher;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chat endpoint in both containers, through the launcher, with Tideway's client as the users. */
class ChatRoomTest {
    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void aRoomHearsItsMembersAndNoOtherRoom(ContainerKind kind) throws Exception {
        try (RunningServer server = start(kind); ChatClient alice = ChatClient.join(server.port(), "lobby", "alice")) {
            assertEquals(joined("alice", "alice"), alice.next());
            try (ChatClient bob = ChatClient.join(server.port(), "lobby", "bob")) {
                assertEquals(joined("bob", "alice", "bob"), alice.next());
                assertEquals(joined("bob", "alice", "bob"), bob.next());
                try (ChatClient carol = ChatClient.join(server.port(), "garden", "carol")) {
                    assertEquals(joined("carol", "carol"), carol.next());

                    alice.say("hello \"bob\" ✓");
                    assertEquals(said("alice", "hello \"bob\" ✓"), alice.next());
                    assertEquals(said("alice", "hello \"bob\" ✓"), bob.next());

                    carol.say("anyone?");
                    assertEquals(said("carol", "anyone?"), carol.next(), "the lobby's talk reached the garden");
                }
            }
            // carol left first, alone in her room: the next thing alice hears is bob leaving
            assertEquals(left("bob", "alice"), alice.next());
            alice.say("alone now");
            assertEquals(said("alice", "alone now"), alice.next());
        }
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void aTakenOrBadNameOrRoomIsRefusedWithPolicyViolation(ContainerKind kind) throws Exception {
        try (RunningServer server = start(kind); ChatClient alice = ChatClient.join(server.port(), "lobby", "alice")) {
            assertEquals(joined("alice", "alice"), alice.next());

            assertRefused("That name is taken in this room", ChatClient.join(server.port(), "lobby", "alice"));
            assertRefused("Pick a name of 1 to 24 characters, without control characters or spaces at either end: "
                    + "?name=...", ChatClient.join(server.port(), "lobby", null));
            assertRefused("A room name is 1 to 32 letters, digits, '_', '.' or '-'",
                    ChatClient.join(server.port(), "no!room", "bob"));
            try (ChatClient otherAlice = ChatClient.join(server.port(), "garden", "alice")) {
                assertEquals(joined("alice", "alice"), otherAlice.next(), "a name is taken in one room only");
            }

            alice.say("did anyone come?");
            assertEquals(said("alice", "did anyone come?"), alice.next(), "a refused user was announced");
        }
    }

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void aBadMessageIsAnsweredToItsSenderAndTheSessionGoesOn(ContainerKind kind) throws Exception {
        try (RunningServer server = start(kind); ChatClient alice = ChatClient.join(server.port(), "lobby", "alice")) {
            // connectToServer returns once the client has opened, perhaps before the server's onOpen has run:
            // alice is in the room once she has heard so, and only then does bob come
            assertEquals(joined("alice", "alice"), alice.next());
            try (ChatClient bob = ChatClient.join(server.port(), "lobby", "bob")) {
                assertEquals(joined("bob", "alice", "bob"), alice.next());
                assertEquals(joined("bob", "alice", "bob"), bob.next());

                bob.send("not json");
                assertEquals(problem("JSON: expected a value at offset 0"), bob.next());
                bob.send("{\"type\":\"shout\"}");
                assertEquals(problem("Unknown message type: expected {\"type\":\"say\",\"text\":\"...\"}"), bob.next());
                bob.say(" ");
                assertEquals(problem("Say something: the text is empty"), bob.next());

                bob.say("sorry");
                assertEquals(said("bob", "sorry"), alice.next(), "bob's problems reached alice");
                assertEquals(said("bob", "sorry"), bob.next());
            }
        }
    }

    private static RunningServer start(ContainerKind kind) throws Exception {
        return SampleLauncher.start(ChatSample.APP, kind, "127.0.0.1", 0);
    }

    private static void assertRefused(String reason, ChatClient client) throws Exception {
        try (client) {
            CloseReason close = client.closeReason();
            assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), close.getCloseCode().getCode());
            assertEquals(reason, close.getReasonPhrase());
        }
    }

    private static Map<String, Object> joined(String name, String... members) {
        return Map.of("type", "joined", "name", name, "members", List.of(members));
    }

    private static Map<String, Object> left(String name, String... members) {
        return Map.of("type", "left", "name", name, "members", List.of(members));
    }

    private static Map<String, Object> said(String name, String text) {
        return Map.of("type", "said", "name", name, "text", text);
    }

    private static Map<String, Object> problem(String text) {
        return Map.of("type", "problem", "text", text);
    }
}
