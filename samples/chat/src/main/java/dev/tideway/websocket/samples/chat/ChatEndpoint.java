package dev.tideway.websocket.samples.chat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One chat user: {@code ws://host/chat/{room}?name=alice} joins {@code room} as {@code alice}. The client
 * sends {@link ChatPost}s; the server sends {@link ChatEvent}s. A bad room or name, or a name already in
 * the room, closes the session at once with 1008 (policy violation) and the reason; a bad message is
 * answered with a {@link ChatEvent.Problem} and the session goes on.
 */
@ServerEndpoint(value = "/chat/{room}", encoders = ChatEventEncoder.class, decoders = ChatPostDecoder.class,
        configurator = ChatConfigurator.class)
public class ChatEndpoint {
    private final ChatRooms rooms;

    /** An endpoint for one session, sharing {@code rooms} with the others of its deployment. */
    public ChatEndpoint(ChatRooms rooms) {
        this.rooms = rooms;
    }

    @OnOpen
    public void open(Session session, @PathParam("room") String room) throws IOException {
        List<String> names = session.getRequestParameterMap().get("name");
        String name = names == null ? null : names.get(0);
        Optional<String> refusal = ChatRules.whyNotJoin(room, name).or(() -> rooms.join(room, name, session));
        if (refusal.isPresent()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, refusal.get()));
        }
    }

    @OnMessage
    public void post(Session session, ChatPost post) throws IOException, EncodeException {
        Optional<String> problem = ChatRules.whyNotSay(post.text());
        if (problem.isPresent()) {
            session.getBasicRemote().sendObject(new ChatEvent.Problem(problem.get()));
        } else {
            rooms.say(session, post.text());
        }
    }

    @OnClose
    public void close(Session session) {
        rooms.leave(session);
    }

    /**
     * Answers a message the decoder refused. Other errors (a broken connection, a send that failed) need
     * nothing here: their session is closing, and onClose takes it out of its room.
     */
    @OnError
    public void error(Session session, Throwable failure) throws IOException, EncodeException {
        if (failure instanceof DecodeException && session.isOpen()) {
            session.getBasicRemote().sendObject(new ChatEvent.Problem(failure.getMessage()));
        }
    }
}
