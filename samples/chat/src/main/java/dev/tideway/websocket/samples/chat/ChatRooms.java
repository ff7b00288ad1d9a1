package dev.tideway.websocket.samples.chat;

import dev.tideway.websocket.PreparedMessage;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rooms of one deployment of the chat endpoint: who is in which room, under which name, and the
 * broadcasts to a room. Every broadcast is encoded and framed once ({@link PreparedMessage}) and the same
 * bytes are queued to each member.
 *
 * <p>Joins and leaves hold the lock while they announce themselves, so that every member sees the
 * membership changes in one order and the last member list it receives is the room's. Queuing does not
 * wait for the network, so the lock is held briefly. Chat lines are sent outside the lock.
 */
public final class ChatRooms {
    private final Map<String, Map<Session, String>> rooms = new HashMap<>(); // guarded by this

    /**
     * Puts {@code session} into {@code room} as {@code name} and tells the room, the newcomer included.
     *
     * @return why the session may not join, if it may not: the name is taken in that room
     */
    public synchronized Optional<String> join(String room, String name, Session session) {
        Map<Session, String> members = rooms.computeIfAbsent(room, empty -> new LinkedHashMap<>());
        if (members.containsValue(name)) {
            return Optional.of("That name is taken in this room");
        }
        members.put(session, name);
        broadcast(members.keySet(), new ChatEvent.Joined(name, names(members)));
        return Optional.empty();
    }

    /** Takes {@code session} out of its room, if it joined one, and tells the others. */
    public synchronized void leave(Session session) {
        String room = roomOf(session);
        Map<Session, String> members = rooms.get(room);
        String name = members == null ? null : members.remove(session);
        if (name == null) {
            return;
        }
        if (members.isEmpty()) {
            rooms.remove(room);
        } else {
            broadcast(members.keySet(), new ChatEvent.Left(name, names(members)));
        }
    }

    /** Sends what the user of {@code session} said to everyone in its room, the sender included. */
    public void say(Session session, String text) {
        String name;
        List<Session> receivers;
        synchronized (this) {
            Map<Session, String> members = rooms.getOrDefault(roomOf(session), Map.of());
            name = members.get(session);
            if (name == null) {
                return; // refused at the door, or already left
            }
            receivers = new ArrayList<>(members.keySet());
        }
        broadcast(receivers, new ChatEvent.Said(name, text));
    }

    private static String roomOf(Session session) {
        return session.getPathParameters().get("room");
    }

    private static List<String> names(Map<Session, String> members) {
        return List.copyOf(members.values());
    }

    // A send that fails means that session is closing: its onClose will take it out of the room.
    private static void broadcast(Collection<Session> receivers, ChatEvent event) {
        PreparedMessage.text(event.toJson()).sendTo(List.copyOf(receivers));
    }
}
