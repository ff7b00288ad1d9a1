package dev.tideway.websocket.client;

import dev.tideway.websocket.codec.DecoderDefinition;
import dev.tideway.websocket.codec.EncoderDefinition;
import dev.tideway.websocket.endpoint.AnnotatedEndpoint;
import dev.tideway.websocket.endpoint.AnnotatedEndpointModel;
import dev.tideway.websocket.endpoint.AnnotatedEndpointScanner;
import dev.tideway.websocket.endpoint.EndpointInstances;
import dev.tideway.websocket.protocol.extension.ExtensionFactory;
import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import dev.tideway.websocket.session.ContainerDefaults;
import dev.tideway.websocket.session.ContainerThreads;
import dev.tideway.websocket.session.NegotiatedExtension;
import dev.tideway.websocket.session.OpenSessions;
import dev.tideway.websocket.session.SessionRequest;
import dev.tideway.websocket.session.SessionResources;
import dev.tideway.websocket.session.TidewaySession;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tideway's client {@link jakarta.websocket.WebSocketContainer}: {@code connectToServer} in every form, on the NIO
 * {@link WebSocketConnector}. Its threads (I/O loops, callbacks, timers) are daemons that start with the
 * first connection and end when the container has been idle for a while, so a container costs nothing
 * while unused.
 *
 * <p>{@code connectToServer} returns once the handshake succeeded and the endpoint's {@code onOpen} has
 * returned. A server that refuses the upgrade (any answer but 101, a bad accept value, a subprotocol or
 * extension that was not offered) is a {@link DeploymentException} saying why; a network failure is an
 * {@link IOException}.
 */
public final class TidewayClientContainer extends ContainerDefaults {
    private static final Duration OPEN_GRACE = Duration.ofSeconds(30);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String name = "client-" + INSTANCES.incrementAndGet();
    private final WebSocketConnector connector;
    private final SessionResources resources;
    /** Sessions per endpoint class: {@code getOpenSessions()} answers those of the same endpoint. */
    private final Map<Class<?>, OpenSessions> sessionsByEndpoint = new ConcurrentHashMap<>();

    /** A container whose threads end after the production idle times. */
    public TidewayClientContainer() {
        this(WebSocketConnector.DEFAULT_IDLE_TIMEOUT, ContainerThreads.DEFAULT_KEEP_ALIVE);
    }

    /**
     * A container whose I/O threads end after {@code ioIdleTimeout} without connections, and whose callback
     * and timer threads after {@code keepAlive} without work (tests use short ones).
     */
    TidewayClientContainer(Duration ioIdleTimeout, Duration keepAlive) {
        this.connector = new WebSocketConnector(ioIdleTimeout);
        this.resources = new ContainerThreads(name, keepAlive).sessionResources();
    }

    /**
     * The name that this container's callback and timer threads carry ({@code tideway-ws-NAME-n},
     * {@code tideway-ws-timer-NAME-n}), unique in the JVM, so that one container's threads can be told apart.
     */
    String name() {
        return name;
    }

    /** The name prefix of this container's I/O threads. */
    String ioThreadNamePrefix() {
        return connector.threadNamePrefix();
    }

    // ---------------------------------------------------------------- connectToServer

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
        AnnotatedEndpointModel model = scan(annotatedEndpointInstance.getClass());
        return connect(new AnnotatedEndpoint(model, annotatedEndpointInstance), configOf(model), path,
                model.decoders(), model.encoders(), () -> { });
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
        AnnotatedEndpointModel model = scan(annotatedEndpointClass);
        model.validateInstantiable();
        ClientEndpointConfig config = configOf(model);
        Object instance = instantiate(annotatedEndpointClass);
        return connect(new AnnotatedEndpoint(model, instance), config, path, model.decoders(),
                model.encoders(), () -> EndpointInstances.release(instance));
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig config, URI path)
            throws DeploymentException, IOException {
        return connect(endpointInstance, config, path, DecoderDefinition.ofAll(config.getDecoders()),
                EncoderDefinition.ofAll(config.getEncoders()),
                () -> { });
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig config, URI path)
            throws DeploymentException, IOException {
        List<DecoderDefinition> decoders = DecoderDefinition.ofAll(config.getDecoders());
        List<EncoderDefinition> encoders = EncoderDefinition.ofAll(config.getEncoders());
        Endpoint instance = instantiate(endpointClass);
        return connect(instance, config, path, decoders, encoders, () -> EndpointInstances.release(instance));
    }

    private static AnnotatedEndpointModel scan(Class<?> type) throws DeploymentException {
        if (!type.isAnnotationPresent(ClientEndpoint.class)) {
            throw new DeploymentException(type.getName() + " is not annotated with @ClientEndpoint");
        }
        return AnnotatedEndpointScanner.scan(type);
    }

    private static ClientEndpointConfig configOf(AnnotatedEndpointModel model) throws DeploymentException {
        ClientEndpoint annotation = model.endpointClass().getAnnotation(ClientEndpoint.class);
        ClientEndpointConfig.Configurator configurator;
        try {
            configurator = (ClientEndpointConfig.Configurator) model.configurator().newInstance();
        } catch (InstantiationException e) {
            throw new DeploymentException(model.endpointClass().getName() + ": its configurator "
                    + annotation.configurator().getName() + " could not be created", e);
        }
        return ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(Arrays.asList(annotation.subprotocols()))
                .decoders(Arrays.asList(annotation.decoders()))
                .encoders(Arrays.asList(annotation.encoders()))
                .configurator(configurator)
                .build();
    }

    private static <T> T instantiate(Class<T> type) throws DeploymentException {
        try {
            return EndpointInstances.create(type);
        } catch (InstantiationException e) {
            throw new DeploymentException(e.getMessage(), e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Connects {@code endpoint}; {@code release} ends the life of an endpoint instance the container created:
     * its session runs it once closed, and a connect that fails before there is a session runs it here. A
     * session the caller gave up waiting for (interrupted, or onOpen too slow) is closed: nobody else holds it.
     */
    private Session connect(Endpoint endpoint, ClientEndpointConfig config, URI uri, List<DecoderDefinition> decoders,
                            List<EncoderDefinition> encoders, Runnable release) throws DeploymentException, IOException {
        AtomicReference<TidewaySession> created = new AtomicReference<>();
        try {
            return handshakeAndOpen(endpoint, config, uri, decoders, encoders, release, created);
        } catch (DeploymentException | IOException | RuntimeException e) {
            TidewaySession session = created.get();
            if (session == null) {
                release.run();
            } else {
                session.startClose(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "The client gave up connecting"));
            }
            throw e;
        }
    }

    private Session handshakeAndOpen(Endpoint endpoint, ClientEndpointConfig config, URI uri,
                                     List<DecoderDefinition> decoders, List<EncoderDefinition> encoders,
                                     Runnable release, AtomicReference<TidewaySession> created)
            throws DeploymentException, IOException {
        ClientHandshakeRequest request = handshakeRequest(config, uri);
        CompletableFuture<ClientConnection> connecting = connector.connect(request, (result, engine) -> {
            config.getConfigurator().afterResponse(new ClientHandshakeResponse(result.responseHeaders()));
            TidewaySession session = TidewaySession.builder()
                    .container(this)
                    .endpoint(endpoint)
                    .config(config)
                    .request(new SessionRequest(result.uri(), Map.of(), result.uri().getRawQuery(),
                            queryParameters(result.uri()), null, result.secure()))
                    .subprotocol(result.subprotocol())
                    .extensions(result.extensions().stream()
                            .map(extension -> (Extension) NegotiatedExtension.of(extension.negotiated()))
                            .toList())
                    .openSessions(sessionsByEndpoint.computeIfAbsent(endpointClassOf(endpoint), c -> new OpenSessions()))
                    .coders(decoders, encoders)
                    .resources(resources)
                    .onClosed(release)
                    .build(engine);
            created.set(session);
            session.open();
            return session.connection();
        });
        await(connecting, request.connectTimeout().plus(OPEN_GRACE), uri);
        TidewaySession session = created.get();
        await(session.opened(), OPEN_GRACE, uri);
        return session;
    }

    private static void await(CompletableFuture<?> future, Duration timeout, URI uri)
            throws DeploymentException, IOException {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while connecting to " + uri);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("Connecting to " + uri + " took longer than " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ClientHandshakeException refused && refused.statusCode() >= 0) {
                throw new DeploymentException(refused.getMessage(), refused);
            }
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            throw new DeploymentException("Connecting to " + uri + " failed: " + cause, cause);
        }
    }

    private static Class<?> endpointClassOf(Endpoint endpoint) {
        return endpoint instanceof AnnotatedEndpoint annotated ? annotated.instance().getClass() : endpoint.getClass();
    }

    /** The handshake a configuration asks for, with the user properties Tideway reads (see the README). */
    private static ClientHandshakeRequest handshakeRequest(ClientEndpointConfig config, URI uri) throws DeploymentException {
        ClientProperties properties = new ClientProperties(config.getUserProperties());
        // The configuration's extension list is what the client offers (JSR 356 §3.2.2; the TCK checks that
        // a default configuration negotiates none); permessage-deflate runs when it is listed or switched on.
        boolean deflateListed = config.getExtensions().stream()
                .anyMatch(extension -> PerMessageDeflateFactory.NAME.equals(extension.getName()));
        List<ExtensionFactory> factories = properties.flag(ClientProperties.DEFLATE, deflateListed)
                ? List.of(new PerMessageDeflateFactory()) : List.of();
        List<ExtensionOffer> raw = new ArrayList<>();
        for (Extension extension : config.getExtensions()) {
            if (!PerMessageDeflateFactory.NAME.equals(extension.getName())) { // the TCK expects every configured one offered
                raw.add(new ExtensionOffer(extension.getName(), extension.getParameters().stream()
                        .map(p -> new ExtensionOffer.Parameter(p.getName(), p.getValue())).toList()));
            }
        }
        try {
            ClientHandshakeRequest.Builder builder = ClientHandshakeRequest.builder(uri)
                    .subprotocols(config.getPreferredSubprotocols())
                    .extensions(factories)
                    .rawExtensionOffers(raw)
                    .beforeRequest(headers -> config.getConfigurator().beforeRequest(headers))
                    .sslContext(config.getSSLContext())
                    .hostnameVerification(properties.flag(ClientProperties.HOSTNAME_VERIFICATION, true))
                    .connectTimeout(properties.duration(ClientProperties.CONNECT_TIMEOUT,
                            ClientHandshakeRequest.DEFAULT_CONNECT_TIMEOUT))
                    .maxRedirects(properties.integer(ClientProperties.MAX_REDIRECTS,
                            ClientHandshakeRequest.DEFAULT_MAX_REDIRECTS));
            String proxy = properties.text(ClientProperties.PROXY);
            if (proxy != null) {
                builder.proxy(proxy.equalsIgnoreCase("none") ? ClientProxy.none() : proxyAt(proxy));
            }
            String user = properties.text(ClientProperties.USER);
            if (user != null) {
                builder.credentials(new BasicCredentials(user, String.valueOf(properties.text(ClientProperties.PASSWORD))));
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new DeploymentException("Cannot connect to " + uri + ": " + e.getMessage(), e);
        }
    }

    private static ClientProxy proxyAt(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(ClientProperties.PROXY + " must be host:port, not " + hostAndPort);
        }
        return ClientProxy.http(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    private static Map<String, List<String>> queryParameters(URI uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

}
