package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionFactory;
import dev.tideway.websocket.protocol.extension.ExtensionNegotiation;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import dev.tideway.websocket.protocol.handshake.HandshakeException;
import dev.tideway.websocket.protocol.handshake.HandshakeHeaders;
import dev.tideway.websocket.protocol.handshake.HandshakeKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket server for the client's tests, on 127.0.0.1 and an ephemeral port: blocking java.net
 * sockets with a thread per connection (independent of the client's NIO code) and Tideway's engine in
 * the server role behind an echo listener. What it answers to each handshake is up to the test.
 *
 * <p>Text commands to the echo: {@code close:CODE:REASON} makes the server close with that status;
 * {@code burst:N} makes it send N messages {@code m1}..{@code mN}. Everything else is echoed.
 */
final class TestServer implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final boolean secure;
    private final Function<Request, Answer> responder;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-server-timer");
        t.setDaemon(true);
        return t;
    });
    private final BufferPool pool = BufferPool.newDefault();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<CloseStatus> closes = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    /** One handshake request as the server read it. */
    record Request(String requestLine, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(", ", values);
        }
    }

    /** What the server answers to a handshake. */
    static final class Answer {
        private final String raw;
        private final boolean silent;
        private boolean compression = true;
        private String subprotocol;
        private String accept;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private byte[] trailing = new byte[0];

        private Answer(String raw, boolean silent) {
            this.raw = raw;
            this.silent = silent;
        }

        /** 101 with the right accept; permessage-deflate negotiated when offered. */
        static Answer upgrade() {
            return new Answer(null, false);
        }

        /** These bytes (a whole response, or anything), then the connection is closed. */
        static Answer raw(String response) {
            return new Answer(response, false);
        }

        /** Nothing at all; the connection stays open until the client or the test closes it. */
        static Answer silence() {
            return new Answer(null, true);
        }

        Answer withoutCompression() {
            compression = false;
            return this;
        }

        Answer subprotocol(String protocol) {
            subprotocol = protocol;
            return this;
        }

        Answer accept(String value) {
            accept = value;
            return this;
        }

        Answer header(String name, String value) {
            extraHeaders.put(name, value);
            return this;
        }

        /** Bytes sent right after the 101 head, in the same write (frames the client must read first). */
        Answer trailing(byte[] bytes) {
            trailing = bytes;
            return this;
        }
    }

    private TestServer(ServerSocket serverSocket, boolean secure, Function<Request, Answer> responder) {
        this.serverSocket = serverSocket;
        this.secure = secure;
        this.responder = responder;
        this.acceptor = new Thread(this::acceptLoop, "test-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TestServer start(Function<Request, Answer> responder) throws IOException {
        return new TestServer(new ServerSocket(0, 2048, InetAddress.getByName("127.0.0.1")), false, responder);
    }

    static TestServer startTls(SSLContext context, Function<Request, Answer> responder) throws IOException {
        ServerSocket socket = context.getServerSocketFactory().createServerSocket(0, 2048,
                InetAddress.getByName("127.0.0.1"));
        return new TestServer(socket, true, responder);
    }

    /** An echo server that upgrades every request. */
    static TestServer echo() throws IOException {
        return start(request -> Answer.upgrade());
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** {@code ws://127.0.0.1:port/path}, or wss with the host {@code localhost} for a TLS server. */
    URI uri(String path) {
        return URI.create((secure ? "wss://localhost:" : "ws://127.0.0.1:") + port() + path);
    }

    /** The next handshake request the server read, waiting up to 5 s. */
    Request takeRequest() throws InterruptedException {
        Request request = requests.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("The server received no handshake request within 5 s");
        }
        return request;
    }

    /** The status the next server-side connection ended with, waiting up to 5 s. */
    CloseStatus takeClose() throws InterruptedException {
        CloseStatus status = closes.poll(5, TimeUnit.SECONDS);
        if (status == null) {
            throw new AssertionError("No server-side connection ended within 5 s");
        }
        return status;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        timers.shutdownNow();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                sockets.add(socket);
                Thread thread = new Thread(null, () -> serve(socket), "test-server-connection", 256 * 1024);
                thread.setDaemon(true);
                thread.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Request request = readRequest(in);
            if (request == null) {
                return;
            }
            requests.add(request);
            Answer answer = responder.apply(request);
            if (answer.silent) {
                while (in.read() >= 0) {
                    // wait for the client to give up
                }
            } else if (answer.raw != null) {
                out.write(answer.raw.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } else {
                upgrade(socket, request, answer);
            }
        } catch (IOException | HandshakeException ignored) {
            // the client went away, or failed TLS: its test checks what it saw
        } finally {
            sockets.remove(socket);
        }
    }

    private void upgrade(Socket socket, Request request, Answer answer) throws IOException, HandshakeException {
        List<ExtensionFactory> factories = answer.compression ? List.of(new PerMessageDeflateFactory()) : List.of();
        List<Extension> extensions = ExtensionNegotiation.negotiate(
                HandshakeHeaders.parseExtensions(request.headers().get("Sec-WebSocket-Extensions")), factories);
        StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Accept: ")
                .append(answer.accept != null ? answer.accept : HandshakeKeys.acceptFor(request.header("Sec-WebSocket-Key")))
                .append("\r\n");
        if (answer.subprotocol != null) {
            head.append("Sec-WebSocket-Protocol: ").append(answer.subprotocol).append("\r\n");
        }
        if (!extensions.isEmpty()) {
            head.append("Sec-WebSocket-Extensions: ")
                    .append(HandshakeHeaders.formatExtensions(extensions.stream().map(Extension::negotiated).toList()))
                    .append("\r\n");
        }
        answer.extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(answer.trailing);
        OutputStream out = socket.getOutputStream();
        out.write(bytes.toByteArray());
        out.flush();

        EchoListener echo = new EchoListener();
        WebSocketConnection connection = WebSocketConnection.builder(Role.SERVER, new SocketTransport(socket), echo)
                .extensions(extensions)
                .scheduler(Scheduler.of(timers))
                .bufferPool(pool)
                .build();
        echo.connection = connection;
        byte[] buffer = new byte[16 * 1024];
        InputStream in = socket.getInputStream();
        try {
            int count;
            while ((count = in.read(buffer)) >= 0) {
                connection.onRead(ByteBuffer.wrap(buffer, 0, count));
            }
            connection.onReadEof();
        } catch (IOException e) {
            connection.onTransportFailure(e);
        }
    }

    /** Reads the request head byte by byte, so that nothing after it is consumed. */
    private static Request readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int b;
        while ((b = in.read()) >= 0) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8).replaceAll("\r$", "");
            line.reset();
            if (text.isEmpty()) {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String field : lines.subList(1, lines.size())) {
                    int colon = field.indexOf(':');
                    headers.computeIfAbsent(field.substring(0, colon), n -> new ArrayList<>())
                            .add(field.substring(colon + 1).strip());
                }
                return new Request(lines.get(0), headers);
            }
            lines.add(text);
        }
        return null;
    }

    /** Echoes messages; obeys the close and burst commands; records how the connection ended. */
    private final class EchoListener implements ConnectionListener {
        volatile WebSocketConnection connection;
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();

        @Override
        public void onText(ByteBuffer utf8, boolean last) {
            append(utf8);
            if (last) {
                String text = message.toString(StandardCharsets.UTF_8);
                message.reset();
                if (text.startsWith("close:")) {
                    String[] parts = text.split(":", 3);
                    connection.close(new CloseStatus(Integer.parseInt(parts[1]), parts[2]));
                } else if (text.startsWith("burst:")) {
                    int count = Integer.parseInt(text.substring(6));
                    for (int i = 1; i <= count; i++) {
                        connection.sendText(utf8("m" + i), true, WriteCallback.NOOP);
                    }
                } else {
                    connection.sendText(utf8(text), true, WriteCallback.NOOP);
                }
            }
        }

        @Override
        public void onBinary(ByteBuffer data, boolean last) {
            append(data);
            if (last) {
                ByteBuffer copy = ByteBuffer.wrap(message.toByteArray());
                message.reset();
                connection.sendBinary(copy, true, WriteCallback.NOOP);
            }
        }

        @Override
        public void onPing(ByteBuffer payload) {
        }

        @Override
        public void onPong(ByteBuffer payload) {
        }

        @Override
        public void onError(Throwable cause) {
        }

        @Override
        public void onClosed(CloseStatus status) {
            closes.add(status);
        }

        private void append(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            message.writeBytes(bytes);
        }

        private ByteBuffer utf8(String text) {
            return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The engine's transport over a blocking socket: writes complete before write returns. */
    private static final class SocketTransport implements Transport {
        private final Socket socket;

        SocketTransport(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void write(ByteBuffer[] buffers, WriteCallback callback) {
            try {
                OutputStream out = socket.getOutputStream();
                synchronized (this) {
                    for (ByteBuffer buffer : buffers) {
                        byte[] bytes = new byte[buffer.remaining()];
                        buffer.get(bytes);
                        out.write(bytes);
                    }
                    out.flush();
                }
            } catch (IOException e) {
                callback.failed(e);
                return;
            }
            callback.completed();
        }

        @Override
        public void pauseReading() {
            // the echo listener never pauses
        }

        @Override
        public void resumeReading() {
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed is closed
            }
        }
    }
}
