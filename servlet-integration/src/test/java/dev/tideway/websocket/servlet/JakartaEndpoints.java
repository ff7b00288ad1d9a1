package dev.tideway.websocket.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The endpoints, configurators, listener and filter of the Jakarta suite's web applications. Public, as
 * the specification requires of what a container instantiates; what they see goes to {@link ServerEvents}.
 */
public final class JakartaEndpoints {
    private JakartaEndpoints() {
    }


    /** Every text and binary message back, through return values (binary as a different type). */
    @ServerEndpoint("/echo")
    public static class Echo {

        @OnMessage
        public String text(String message) {
            return message;
        }

        @OnMessage
        public ByteBuffer binary(byte[] message) {
            return ByteBuffer.wrap(message);
        }
    }

    /** A primitive return value, sent as text by the built-in encoder. */
    @ServerEndpoint("/length")
    public static class Length {

        @OnMessage
        public int length(String message) {
            return message.length();
        }
    }

    /** A URI template variable as a method parameter. */
    @ServerEndpoint("/chat/{room}")
    public static class Chat {

        @OnMessage
        public String say(String message, @PathParam("room") String room) {
            return room + ": " + message;
        }
    }

    /** Describes its session on every message: what a session knows of its request. */
    @ServerEndpoint("/info/{id}")
    public static class Info {

        @OnMessage
        public String describe(String ignored, Session session) {
            Principal user = session.getUserPrincipal();
            return "uri=" + session.getRequestURI()
                    + " query=" + session.getQueryString()
                    + " params=" + new TreeMap<>(session.getRequestParameterMap())
                    + " path=" + session.getPathParameters()
                    + " user=" + (user == null ? null : user.getName())
                    + " secure=" + session.isSecure()
                    + " extensions=" + session.getNegotiatedExtensions().stream().map(Extension::getName).toList();
        }
    }

    /** A programmatic endpoint; deployed only through {@link AppConfig}. */
    public static class Programmatic extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, message -> session.getAsyncRemote()
                    .sendText("programmatic: " + message));
        }
    }

    /** Deploys every scanned annotated endpoint, and {@link Programmatic} at /programmatic. */
    public static class AppConfig implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
            return endpointClasses.stream()
                    .filter(type -> type == Programmatic.class)
                    .map(type -> ServerEndpointConfig.Builder.create(type, "/programmatic").build())
                    .collect(Collectors.toSet());
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return scanned;
        }
    }

    /** Not among the scanned classes: {@link AddsEndpointListener} deploys it. */
    @ServerEndpoint("/from-listener")
    public static class FromListener {

        @OnMessage
        public String text(String message) {
            return "from listener: " + message;
        }
    }

    /** Adds {@link FromListener} through the context attribute, as frameworks do at startup. */
    public static class AddsEndpointListener implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
            if (!(container instanceof ServerContainer serverContainer)) {
                ServerEvents.record("listener", "no ServerContainer attribute, found " + container);
                return;
            }
            try {
                serverContainer.addEndpoint(FromListener.class);
                ServerEvents.record("listener", "deployed");
            } catch (DeploymentException e) {
                ServerEvents.record("listener", "failed: " + e);
            }
        }
    }

    /** Replies with the subprotocol its configurator chose. */
    @ServerEndpoint(value = "/protocols", subprotocols = {"v2", "v1"}, configurator = ServerPreference.class)
    public static class Protocols {

        @OnMessage
        public String text(String message, Session session) {
            return session.getNegotiatedSubprotocol();
        }
    }

    /** Chooses by the server's order of preference, where the default follows the client's. */
    public static class ServerPreference extends ServerEndpointConfig.Configurator {
        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return supported.stream().filter(requested::contains).findFirst().orElse("");
        }
    }

    /** Replies with its session's extensions; its configurator accepts none. */
    @ServerEndpoint(value = "/uncompressed", configurator = NoExtensions.class)
    public static class Uncompressed {

        @OnMessage
        public String text(String message, Session session) {
            return session.getNegotiatedExtensions().stream().map(Extension::getName).toList().toString();
        }
    }

    public static class NoExtensions extends ServerEndpointConfig.Configurator {
        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return List.of();
        }
    }

    /** An endpoint whose configurator reports what the handshake request showed it. */
    @ServerEndpoint(value = "/handshake/{stage}", configurator = Reflecting.class)
    public static class Handshake {
        @OnMessage
        public String text(String message) {
            return message;
        }
    }

    /** Puts what {@code modifyHandshake} sees of the request into the 101 response's headers. */
    public static class Reflecting extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            Principal user = request.getUserPrincipal();
            response.getHeaders().put("X-Seen-Uri", List.of(String.valueOf(request.getRequestURI())));
            response.getHeaders().put("X-Seen-Query", List.of(String.valueOf(request.getQueryString())));
            response.getHeaders().put("X-Seen-Params", List.of(new TreeMap<>(request.getParameterMap()).toString()));
            response.getHeaders().put("X-Seen-Custom", List.of(String.valueOf(request.getHeaders().get("x-custom"))));
            response.getHeaders().put("X-Seen-User", List.of(user == null ? "none" : user.getName()));
            response.getHeaders().put("X-Tideway-Handshake", List.of("modified"));
        }
    }

    /** Replies with the "who" user property as its {@code EndpointConfig} and its session show it. */
    @ServerEndpoint(value = "/who", configurator = RemembersWho.class)
    public static class Who {
        private EndpointConfig config;

        @OnOpen
        public void open(EndpointConfig config) {
            this.config = config;
        }

        @OnMessage
        public String text(String message, Session session) {
            return config.getUserProperties().get("who") + " " + session.getUserProperties().get("who");
        }
    }

    /**
     * Puts the request's {@code X-Who} header into the user properties, as applications put the HTTP
     * session there; null when the request has none, as {@code getHttpSession()} is without a session.
     */
    public static class RemembersWho extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> who = request.getHeaders().get("X-Who");
            sec.getUserProperties().put("who", who == null ? null : who.get(0));
        }
    }

    /** An endpoint no origin may open. */
    @ServerEndpoint(value = "/no-origin", configurator = RefusesOrigins.class)
    public static class NoOrigin {
        @OnMessage
        public String text(String message) {
            return message;
        }
    }

    public static class RefusesOrigins extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return false;
        }
    }

    /** Times out after 300 ms without traffic; reports its close. */
    @ServerEndpoint("/idle")
    public static class Idle {
        @OnOpen
        public void open(Session session) {
            session.setMaxIdleTimeout(300);
        }

        @OnClose
        public void close(CloseReason reason) {
            ServerEvents.record("idle", reason);
        }
    }

    /**
     * On "count size", sends {@code count} text messages of {@code size} characters with blocking sends from
     * inside {@code @OnMessage}, counting each one that returned, then answers "done count".
     */
    @ServerEndpoint("/blast")
    public static class Blast {

        @OnMessage
        public String blast(String command, Session session) throws IOException {
            String[] words = command.split(" ");
            int count = Integer.parseInt(words[0]);
            int size = Integer.parseInt(words[1]);
            for (int i = 0; i < count; i++) {
                session.getBasicRemote().sendText(payload(i, size));
                ServerEvents.count("blast");
            }
            return "done " + count;
        }

        /** Message {@code i}: its number, a colon, then one letter repeated up to {@code size} characters. */
        static String payload(int i, int size) {
            String head = i + ":";
            return head + String.valueOf((char) ('a' + i % 26)).repeat(size - head.length());
        }
    }

    /** Echoes, and counts the sessions that ended with a normal closure. */
    @ServerEndpoint("/many")
    public static class Many {

        @OnMessage
        public String text(String message) {
            return message;
        }

        @OnClose
        public void close(CloseReason reason) {
            if (reason.getCloseCode() == CloseReason.CloseCodes.NORMAL_CLOSURE) {
                ServerEvents.count("many-closed");
            }
        }
    }

    /** Invalid: two methods for whole text messages. */
    @ServerEndpoint("/invalid")
    public static class TwoTextHandlers {
        @OnMessage
        public void first(String message) {
        }

        @OnMessage
        public void second(String message, Session session) {
        }
    }

    /** Echoes, and reports its opening and its close (undeploy closes it). */
    @ServerEndpoint("/going-away")
    public static class GoingAway {
        @OnOpen
        public void open(Session session) {
            ServerEvents.record("going-away-open", session.getId());
        }

        @OnMessage
        public String text(String message) {
            return message;
        }

        @OnClose
        public void close(CloseReason reason) {
            ServerEvents.record("going-away", reason);
        }
    }

    /**
     * Stands in for an authentication filter: a request with {@code X-Test-User} goes on as that user. It
     * is mapped before Tideway's filter, as security filters are.
     */
    public static class UserFromHeader extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String name = request.getHeader("X-Test-User");
            if (name == null) {
                chain.doFilter(request, response);
                return;
            }
            Principal user = new TestUser(name);
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public Principal getUserPrincipal() {
                    return user;
                }

                @Override
                public String getRemoteUser() {
                    return name;
                }
            }, response);
        }
    }

    /**
     * A framework's router: upgrades requests for {@code .../routed/NAME} itself, through
     * {@code ServerContainer.upgradeHttpToWebSocket}, to {@code endpointClass} with NAME as the "room"
     * path parameter.
     */
    public static class Router extends HttpFilter {
        private static final long serialVersionUID = 1L;
        private final transient ServerEndpointConfig config;

        Router(Class<?> endpointClass) {
            this.config = ServerEndpointConfig.Builder.create(endpointClass, "/routed/{room}").build();
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String uri = request.getRequestURI();
            int routed = uri.indexOf("/routed/");
            if (routed < 0 || request.getHeader("Sec-WebSocket-Key") == null) {
                chain.doFilter(request, response);
                return;
            }
            ServerContainer container =
                    (ServerContainer) request.getServletContext().getAttribute(ServerContainer.class.getName());
            try {
                container.upgradeHttpToWebSocket(request, response, config,
                        Map.of("room", uri.substring(routed + "/routed/".length())));
            } catch (DeploymentException e) {
                throw new ServletException(e);
            }
        }
    }

    record TestUser(String name) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }
}
