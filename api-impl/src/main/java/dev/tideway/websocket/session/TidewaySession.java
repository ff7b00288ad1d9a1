package dev.tideway.websocket.session;

import dev.tideway.websocket.codec.DecoderDefinition;
import dev.tideway.websocket.codec.DecoderLookup;
import dev.tideway.websocket.codec.EncoderDefinition;
import dev.tideway.websocket.codec.GenericTypes;
import dev.tideway.websocket.codec.MessageConverter;
import dev.tideway.websocket.codec.MessageForm;
import dev.tideway.websocket.codec.MessageForms;
import dev.tideway.websocket.codec.MessageKind;
import dev.tideway.websocket.codec.SessionDecoders;
import dev.tideway.websocket.codec.SessionEncoders;
import dev.tideway.websocket.protocol.CloseCodes;
import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A Jakarta WebSocket {@link Session} on Tideway's engine, the same on the server and the client.
 *
 * <p>Life cycle: {@code OPEN} until either side starts the closing handshake, {@code CLOSING} while it
 * runs and while {@code onClose} runs, {@code CLOSED} after; {@link #isOpen()} is true until {@code CLOSED}.
 * Inbound messages are read on the transport's thread, assembled by per-handler sinks, and delivered on the
 * session's own serial executor: in order, never concurrently, never before {@code onOpen} has returned, and
 * with backpressure on the socket.
 *
 * <p>Created by a container through {@link #builder()}; the container then starts it with {@link #open()}.
 */
public final class TidewaySession implements Session {
    private static final System.Logger LOG = System.getLogger(TidewaySession.class.getName());
    private static final AtomicLong IDS = new AtomicLong();
    /** High-water mark of inbound bytes waiting for delivery before the socket is paused. */
    private static final long INBOUND_HIGH_WATER = 256 * 1024;
    /** User property (ms) bounding how long a {@code Basic} send may wait; default 20 s. */
    public static final String BLOCKING_SEND_TIMEOUT_PROPERTY = "dev.tideway.websocket.blockingSendTimeout";
    private static final long DEFAULT_BLOCKING_SEND_TIMEOUT = 20_000;

    private enum State {
        OPEN,
        CLOSING,
        CLOSED
    }

    private final String id = Long.toString(IDS.incrementAndGet(), 36);
    private final WebSocketContainer container;
    private final Endpoint endpoint;
    private final EndpointConfig config;
    private final SessionRequest request;
    private final String subprotocol;
    private final List<Extension> extensions;
    private final Map<String, Object> userProperties;
    private final OpenSessions openSessions;
    private final List<DecoderDefinition> decoderDefinitions;
    private final List<EncoderDefinition> encoderDefinitions;
    private final DecoderLookup decoderLookup;
    private final SessionResources resources;
    private final List<Runnable> closeHooks;

    private final MessageHandlers handlers = new MessageHandlers();
    private final SerialExecutor callbacks;
    private final WebSocketConnection connection;
    private final Delivery delivery;
    private final SessionSender sender;
    private final BasicRemote basicRemote;
    private final AsyncRemote asyncRemote;
    private final IdleTimer idleTimer;
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    /** Completes once {@code onClose} has returned and the session has let go of what it held. */
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** The reason of a close this side started: what {@code onClose} reports, whichever event comes first. */
    private volatile CloseReason localCloseReason;
    private volatile boolean connectionEnded;

    private volatile SessionDecoders decoders;
    private volatile SessionEncoders encoders;
    private volatile int maxTextMessageBufferSize;
    private volatile int maxBinaryMessageBufferSize;

    private TidewaySession(Builder b, Function<ConnectionListener, WebSocketConnection> connectionFactory) {
        this.container = Objects.requireNonNull(b.container, "container");
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.config = Objects.requireNonNull(b.config, "config");
        this.request = Objects.requireNonNull(b.request, "request");
        this.subprotocol = b.subprotocol == null ? "" : b.subprotocol;
        this.extensions = List.copyOf(b.extensions);
        // synchronized rather than concurrent: applications store nulls (getHttpSession() without a session)
        this.userProperties = Collections.synchronizedMap(new HashMap<>(config.getUserProperties()));
        this.openSessions = Objects.requireNonNull(b.openSessions, "openSessions");
        this.decoderDefinitions = List.copyOf(b.decoders);
        this.encoderDefinitions = List.copyOf(b.encoders);
        this.decoderLookup = new DecoderLookup(decoderDefinitions);
        this.resources = Objects.requireNonNull(b.resources, "resources");
        this.closeHooks = List.copyOf(b.closeHooks);
        this.maxTextMessageBufferSize = container.getDefaultMaxTextMessageBufferSize();
        this.maxBinaryMessageBufferSize = container.getDefaultMaxBinaryMessageBufferSize();

        this.connection = connectionFactory.apply(new InboundDelivery(this, handlers));
        this.callbacks = new SerialExecutor(resources.executor());
        this.delivery = new Delivery(callbacks, new FlowControl(connection, INBOUND_HIGH_WATER), this::onUserError);
        this.idleTimer = new IdleTimer(resources.scheduler(), this::onIdle);
        this.sender = new SessionSender(connection, resources.scheduler(), idleTimer::touch, this::onSendTimeout);
        this.basicRemote = new BasicRemote(this, sender);
        this.asyncRemote = new AsyncRemote(this, sender, resources.executor(),
                container.getDefaultAsyncSendTimeout());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the session: opens its coders, calls {@code onOpen}, and only then lets messages in, so that
     * the handlers {@code onOpen} registers see the first message.
     */
    public void open() {
        openSessions.add(this);
        idleTimer.timeoutMillis(container.getDefaultMaxSessionIdleTimeout());
        connection.pauseReading();
        delivery.run(() -> {
            try {
                openCoders();
                endpoint.onOpen(this, config);
            } finally {
                connection.resumeReading();
                opened.complete(null);
            }
        });
    }

    /** Completes once {@code onOpen} has returned (or thrown): a client's connect returns only then. */
    public CompletableFuture<Void> opened() {
        return opened;
    }

    /**
     * Creates and initialises the session's coders. When one cannot be made (its constructor or its
     * {@code init} threw) the session closes with 1011 and the failure goes on to {@code onError}.
     */
    private void openCoders() throws InstantiationException {
        try {
            decoders = SessionDecoders.open(decoderDefinitions, config);
            encoders = SessionEncoders.open(encoderDefinitions, config);
        } catch (InstantiationException | RuntimeException e) {
            startClose(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION,
                    "A decoder or encoder could not be created"));
            throw e;
        }
        sender.encoders(encoders);
    }

    /**
     * Whether the connection under this session has ended: the closing handshake completed, or the
     * connection was dropped or failed. {@code onClose} may run before (it follows our close frame).
     */
    public boolean isConnectionEnded() {
        return connectionEnded;
    }

    /** The engine connection under this session. */
    public WebSocketConnection connection() {
        return connection;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public EndpointConfig endpointConfig() {
        return config;
    }

    // ---------------------------------------------------------------- message handlers

    @Override
    public void addMessageHandler(MessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (handler instanceof MessageHandler.Partial<?> partial) {
            Class<?> type = GenericTypes.typeArgument(handler.getClass(), MessageHandler.Partial.class, 0);
            addMessageHandler(handler, unresolved(type, handler), true, -1, partialInvoker(partial));
        } else if (handler instanceof MessageHandler.Whole<?> whole) {
            Class<?> type = GenericTypes.typeArgument(handler.getClass(), MessageHandler.Whole.class, 0);
            addMessageHandler(handler, unresolved(type, handler), false, -1, wholeInvoker(whole));
        } else {
            throw new IllegalArgumentException("A message handler must implement MessageHandler.Whole or"
                    + " MessageHandler.Partial: " + handler.getClass().getName());
        }
    }

    @Override
    public <T> void addMessageHandler(Class<T> clazz, MessageHandler.Whole<T> handler) {
        Objects.requireNonNull(clazz, "clazz");
        addMessageHandler(Objects.requireNonNull(handler, "handler"), clazz, false, -1, wholeInvoker(handler));
    }

    @Override
    public <T> void addMessageHandler(Class<T> clazz, MessageHandler.Partial<T> handler) {
        Objects.requireNonNull(clazz, "clazz");
        addMessageHandler(Objects.requireNonNull(handler, "handler"), clazz, true, -1, partialInvoker(handler));
    }

    /**
     * Registers a handler for messages of {@code payload} type: the one path every handler takes, also the
     * adapters of annotated {@code @OnMessage} methods.
     *
     * @param maxMessageSize the largest whole message accepted, or -1 for the session's buffer size
     * @throws IllegalStateException when the type cannot receive messages, or its message type already
     *                               has a handler
     */
    public void addMessageHandler(MessageHandler handler, Class<?> payload, boolean partial, long maxMessageSize,
                                  MessageInvoker invoker) {
        checkNotClosed();
        List<MessageForm> forms = MessageForms.of(payload, partial, decoderLookup);
        if (forms.isEmpty()) {
            throw new IllegalStateException("A " + (partial ? "partial" : "whole") + " message handler cannot"
                    + " receive " + payload.getName() + ": expected String, ByteBuffer or byte[]"
                    + (partial ? "" : ", Reader, InputStream, PongMessage, a primitive or a type that one of the"
                    + " endpoint's decoders produces"));
        }
        Map<MessageKind, MessageSink> sinks = new EnumMap<>(MessageKind.class);
        for (MessageForm form : forms) {
            MessageConverter converter = MessageConverter.of(form, payload, () -> decoders);
            MessageTarget target = (value, last) -> invoker.invoke(converter.convert(value), last);
            sinks.put(form.kind(), sinkFor(form, target, maxMessageSize));
        }
        handlers.add(handler, sinks);
    }

    private MessageSink sinkFor(MessageForm form, MessageTarget target, long maxMessageSize) {
        boolean text = form.kind() == MessageKind.TEXT;
        return switch (form.mode()) {
            case PARTIAL -> new PartialMessageSink(text, target, delivery);
            case STREAM -> new StreamMessageSink(text, target, delivery);
            case WHOLE -> form.kind() == MessageKind.PONG
                    ? new WholeMessageSink(false,
                            (value, last) -> target.deliver(new TidewayPongMessage((ByteBuffer) value), last),
                            delivery, limit(false, -1))
                    : new WholeMessageSink(text, target, delivery, limit(text, maxMessageSize));
        };
    }

    /** The limit of a whole-message sink: the method's own, else the session's buffer size, read live. */
    private WholeMessageSink.SizeLimit limit(boolean text, long maxMessageSize) {
        return new WholeMessageSink.SizeLimit() {
            @Override
            public long maxBytes() {
                if (maxMessageSize > 0) {
                    return maxMessageSize;
                }
                return text ? maxTextMessageBufferSize : maxBinaryMessageBufferSize;
            }

            @Override
            public void exceeded(long size) {
                startClose(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "Message of at least " + size
                        + " bytes is larger than the limit of " + maxBytes()));
            }
        };
    }

    private static Class<?> unresolved(Class<?> type, MessageHandler handler) {
        if (type == null) {
            throw new IllegalStateException("Cannot tell which message type " + handler.getClass().getName()
                    + " handles (a lambda, or a generic type left open): register it with"
                    + " addMessageHandler(Class, handler)");
        }
        return type;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageInvoker wholeInvoker(MessageHandler.Whole handler) {
        return (message, last) -> handler.onMessage(message);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageInvoker partialInvoker(MessageHandler.Partial handler) {
        return (message, last) -> handler.onMessage(message, last);
    }

    @Override
    public Set<MessageHandler> getMessageHandlers() {
        checkNotClosed();
        return handlers.handlers();
    }

    @Override
    public void removeMessageHandler(MessageHandler handler) {
        checkNotClosed();
        handlers.remove(handler);
    }

    // ---------------------------------------------------------------- sending

    @Override
    public RemoteEndpoint.Async getAsyncRemote() {
        checkNotClosed();
        return asyncRemote;
    }

    @Override
    public RemoteEndpoint.Basic getBasicRemote() {
        checkNotClosed();
        return basicRemote;
    }

    /**
     * Queues bytes that already are whole frames, framed once for many sessions (see
     * {@link dev.tideway.websocket.PreparedMessage}); only a server session sends unmasked frames.
     *
     * @throws IllegalStateException when a message is being sent in parts
     */
    public void sendEncoded(ByteBuffer frames, WriteCallback callback) {
        sender.encoded(frames, callback);
    }

    long blockingSendTimeoutMillis() {
        Object configured = userProperties.get(BLOCKING_SEND_TIMEOUT_PROPERTY);
        if (configured instanceof Number number) {
            return number.longValue();
        }
        if (configured instanceof String text) {
            return Long.parseLong(text.trim());
        }
        long async = asyncRemote.getSendTimeout();
        return async > 0 ? async : DEFAULT_BLOCKING_SEND_TIMEOUT;
    }

    // ---------------------------------------------------------------- closing

    @Override
    public void close() {
        close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
    }

    /**
     * Closes the session and, unless called from one of the session's own callbacks (where waiting would
     * wait for itself), returns once {@code onClose} has run, at most the blocking send timeout later: an
     * application that closes a session may rely on its {@code onClose} having happened.
     */
    @Override
    public void close(CloseReason reason) {
        startClose(reason);
        if (!callbacks.isCallbackThread()) {
            try {
                closed.get(blockingSendTimeoutMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the close goes on; the caller is not kept waiting longer than a send would keep it
            }
        }
    }

    /**
     * Starts the closing handshake without waiting. {@code onClose} runs with {@code reason} once our close
     * frame is out. A code that never goes on the wire (1006, 1015) drops the connection without a
     * handshake; 1005 sends a close frame without a code.
     */
    public void startClose(CloseReason reason) {
        startClose(reason, reason);
    }

    /**
     * Starts the closing handshake with {@code sent} on the wire while {@code onClose} reports {@code reported}:
     * a close the container decides on its own is 1006 to the application (JSR 356 §2.1.5), whatever the
     * peer is told.
     */
    private void startClose(CloseReason sent, CloseReason reported) {
        Objects.requireNonNull(sent, "closeReason");
        int code = sent.getCloseCode().getCode();
        boolean dropsConnection = code == CloseCodes.ABNORMAL_CLOSURE || code == CloseCodes.TLS_HANDSHAKE_FAILURE;
        if (!dropsConnection && code != CloseCodes.NO_STATUS_RECEIVED && !CloseCodes.isValidOnWire(code)) {
            throw new IllegalArgumentException("Close code " + code + " may not be sent (RFC 6455 §7.4): use"
                    + " 1000-1003, 1007-1014 or 3000-4999");
        }
        if (!state.compareAndSet(State.OPEN, State.CLOSING)) {
            return;
        }
        localCloseReason = reported;
        idleTimer.stop();
        if (dropsConnection) {
            reportClose(reported);
            connection.abort();
            return;
        }
        CloseStatus status = code == CloseCodes.NO_STATUS_RECEIVED ? CloseStatus.NO_STATUS
                : new CloseStatus(code, sent.getReasonPhrase() == null ? "" : sent.getReasonPhrase());
        connection.close(status, new WriteCallback() {
            @Override
            public void completed() {
                reportClose(reported);
            }

            @Override
            public void failed(Throwable cause) {
                reportClose(reported);
            }
        });
    }


    /** The peer is told 1001 (going away); the application learns that the container ended the session. */
    private void onIdle() {
        String why = "Idle for longer than " + idleTimer.timeoutMillis() + " ms";
        startClose(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, why),
                new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, why));
    }

    /** A send did not finish in time: part of a message may be on the wire, so the connection is done. */
    private void onSendTimeout() {
        startClose(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "Send timed out"));
    }

    void onConnectionError(Throwable cause) {
        delivery.run(() -> endpoint.onError(this, cause));
    }

    /**
     * The connection ended. After a close this side started, the peer's reply may be read before the
     * transport confirms that our close frame was written: {@code onClose} still gets our reason. But a
     * connection that ended without a closing handshake (1006: our close frame never got out, the peer
     * never answered) is reported as what it was.
     */
    void onConnectionClosed(CloseStatus status) {
        connectionEnded = true;
        state.compareAndSet(State.OPEN, State.CLOSING);
        idleTimer.stop();
        CloseReason local = localCloseReason;
        boolean abnormal = status.code() == CloseCodes.ABNORMAL_CLOSURE;
        reportClose(local != null && !abnormal ? local
                : new CloseReason(CloseReason.CloseCodes.getCloseCode(status.code()), status.reason()));
    }

    /** Calls {@code onClose} once, in order with the deliveries, then frees what the session holds. */
    private void reportClose(CloseReason reason) {
        if (!closeReported.compareAndSet(false, true)) {
            return;
        }
        delivery.run(() -> {
            try {
                endpoint.onClose(this, reason);
            } catch (Throwable failure) {
                onUserError(failure); // before the session is closed: onError may still use it
            } finally {
                finishClose();
            }
        });
    }

    private void finishClose() {
        state.set(State.CLOSED);
        openSessions.remove(this);
        if (decoders != null) {
            decoders.destroy();
        }
        if (encoders != null) {
            encoders.destroy();
        }
        for (Runnable hook : closeHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A close hook of session " + id + " failed", e);
            }
        }
        closed.complete(null);
    }

    /** Failures of application code go to {@code onError}; a failing {@code onError} is logged. */
    private void onUserError(Throwable failure) {
        try {
            endpoint.onError(this, failure);
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "onError of session " + id + " threw while handling " + failure, e);
        }
    }

    void touch() {
        idleTimer.touch();
    }

    void checkNotClosed() {
        if (state.get() == State.CLOSED) {
            throw new IllegalStateException("Session " + id + " is closed: only close() may be called");
        }
    }

    // ---------------------------------------------------------------- properties

    @Override
    public WebSocketContainer getContainer() {
        checkNotClosed();
        return container;
    }

    @Override
    public String getProtocolVersion() {
        checkNotClosed();
        return "13";
    }

    @Override
    public String getNegotiatedSubprotocol() {
        checkNotClosed();
        return subprotocol;
    }

    @Override
    public List<Extension> getNegotiatedExtensions() {
        checkNotClosed();
        return extensions;
    }

    @Override
    public boolean isSecure() {
        checkNotClosed();
        return request.secure();
    }

    /**
     * True until {@code onClose} has returned, also while the closing handshake runs (sends fail then): a
     * caller that waits for {@code !isOpen()} may rely on the close having been reported, as the TCK does
     * and Tomcat allows.
     */
    @Override
    public boolean isOpen() {
        return state.get() != State.CLOSED;
    }

    @Override
    public long getMaxIdleTimeout() {
        checkNotClosed();
        return idleTimer.timeoutMillis();
    }

    @Override
    public void setMaxIdleTimeout(long milliseconds) {
        checkNotClosed();
        idleTimer.timeoutMillis(milliseconds);
    }

    @Override
    public void setMaxBinaryMessageBufferSize(int length) {
        checkNotClosed();
        this.maxBinaryMessageBufferSize = length;
    }

    @Override
    public int getMaxBinaryMessageBufferSize() {
        checkNotClosed();
        return maxBinaryMessageBufferSize;
    }

    @Override
    public void setMaxTextMessageBufferSize(int length) {
        checkNotClosed();
        this.maxTextMessageBufferSize = length;
    }

    @Override
    public int getMaxTextMessageBufferSize() {
        checkNotClosed();
        return maxTextMessageBufferSize;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public URI getRequestURI() {
        checkNotClosed();
        return request.requestUri();
    }

    @Override
    public Map<String, List<String>> getRequestParameterMap() {
        checkNotClosed();
        return request.parameterMap();
    }

    @Override
    public String getQueryString() {
        checkNotClosed();
        return request.queryString();
    }

    @Override
    public Map<String, String> getPathParameters() {
        checkNotClosed();
        return request.pathParameters();
    }

    @Override
    public Map<String, Object> getUserProperties() {
        checkNotClosed();
        return userProperties;
    }

    @Override
    public Principal getUserPrincipal() {
        checkNotClosed();
        return request.userPrincipal();
    }

    @Override
    public Set<Session> getOpenSessions() {
        checkNotClosed();
        return openSessions.snapshot();
    }

    @Override
    public String toString() {
        return "TidewaySession[" + id + ", " + request.requestUri() + ", " + state.get() + "]";
    }

    /** Everything a session is made of; the container fills it in per connection. */
    public static final class Builder {
        private WebSocketContainer container;
        private Endpoint endpoint;
        private EndpointConfig config;
        private SessionRequest request;
        private String subprotocol;
        private List<Extension> extensions = List.of();
        private OpenSessions openSessions;
        private List<DecoderDefinition> decoders = List.of();
        private List<EncoderDefinition> encoders = List.of();
        private SessionResources resources;
        private final List<Runnable> closeHooks = new ArrayList<>();

        private Builder() {
        }

        public Builder container(WebSocketContainer container) {
            this.container = container;
            return this;
        }

        /** The endpoint instance: a programmatic {@code Endpoint}, or the adapter of an annotated one. */
        public Builder endpoint(Endpoint endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder config(EndpointConfig config) {
            this.config = config;
            return this;
        }

        public Builder request(SessionRequest request) {
            this.request = request;
            return this;
        }

        public Builder subprotocol(String subprotocol) {
            this.subprotocol = subprotocol;
            return this;
        }

        public Builder extensions(List<Extension> extensions) {
            this.extensions = List.copyOf(extensions);
            return this;
        }

        /** The sessions of the same endpoint, which this one joins while it is open. */
        public Builder openSessions(OpenSessions openSessions) {
            this.openSessions = openSessions;
            return this;
        }

        /** The endpoint's decoders and encoders, validated at deployment; instantiated per session. */
        public Builder coders(List<DecoderDefinition> decoders, List<EncoderDefinition> encoders) {
            this.decoders = List.copyOf(decoders);
            this.encoders = List.copyOf(encoders);
            return this;
        }

        public Builder resources(SessionResources resources) {
            this.resources = resources;
            return this;
        }

        /** Runs once the session is closed and {@code onClose} has returned (e.g. to release a CDI instance). */
        public Builder onClosed(Runnable hook) {
            closeHooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * Creates the session around the engine connection that {@code connectionFactory} builds for the
         * listener it is given. The session is not started: call {@link #open()}.
         */
        public TidewaySession build(Function<ConnectionListener, WebSocketConnection> connectionFactory) {
            return new TidewaySession(this, connectionFactory);
        }
    }
}
