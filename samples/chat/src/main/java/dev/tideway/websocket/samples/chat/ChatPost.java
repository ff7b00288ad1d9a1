package dev.tideway.websocket.samples.chat;

/**
 * What a chat client sends: a line of text for its room, {@code {"type":"say","text":"hello"}}. The user
 * name and the room are not in the message: they come with the connection ({@code /chat/{room}?name=...}).
 *
 * @param text what the user typed
 */
public record ChatPost(String text) {
}
