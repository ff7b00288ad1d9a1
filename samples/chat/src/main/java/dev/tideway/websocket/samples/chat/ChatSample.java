package dev.tideway.websocket.samples.chat;

import dev.tideway.websocket.samples.launcher.SampleApp;
import dev.tideway.websocket.samples.launcher.SampleLauncher;

/**
 * The chat sample's {@code main}: {@code java -jar tideway-chat.jar [--port N] [--container tomcat|jetty]}
 * serves the chat endpoint at {@code /chat/{room}} and the chat page at {@code /}.
 */
public final class ChatSample {
    /** The endpoint and the page, as the launcher serves them. */
    public static final SampleApp APP = SampleApp.of(ChatEndpoint.class).withStaticFolder("static");

    private ChatSample() {
    }

    public static void main(String[] args) throws Exception {
        SampleLauncher.run("chat", APP, args);
    }
}
