package dev.tideway.websocket.samples.chat;

import java.util.List;

/**
 * What the server tells chat clients, one JSON object per WebSocket text message; {@code type} says which:
 *
 * <pre>
 * {"type":"joined","name":"alice","members":["bob","alice"]}   to the room, the joiner included
 * {"type":"left","name":"bob","members":["alice"]}             to the room
 * {"type":"said","name":"alice","text":"hello"}                to the room, the sender included
 * {"type":"problem","text":"..."}                              to one client whose message was refused
 * </pre>
 *
 * {@code members} lists the room's users in the order they joined.
 */
public sealed interface ChatEvent {
    /** This event as the JSON text sent on the wire. */
    String toJson();

    /** {@code name} entered the room, which now holds {@code members}. */
    record Joined(String name, List<String> members) implements ChatEvent {
        public Joined {
            members = List.copyOf(members);
        }

        @Override
        public String toJson() {
            return new JsonWriter().field("type", "joined").field("name", name).field("members", members).toJson();
        }
    }

    /** {@code name} left the room, which now holds {@code members}. */
    record Left(String name, List<String> members) implements ChatEvent {
        public Left {
            members = List.copyOf(members);
        }

        @Override
        public String toJson() {
            return new JsonWriter().field("type", "left").field("name", name).field("members", members).toJson();
        }
    }

    /** {@code name} said {@code text} in the room. */
    record Said(String name, String text) implements ChatEvent {
        @Override
        public String toJson() {
            return new JsonWriter().field("type", "said").field("name", name).field("text", text).toJson();
        }
    }

    /** The client's last message was refused, for the reason {@code text}; the session goes on. */
    record Problem(String text) implements ChatEvent {
        @Override
        public String toJson() {
            return new JsonWriter().field("type", "problem").field("text", text).toJson();
        }
    }
}
