package dev.tideway.websocket.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP CONNECT proxy on 127.0.0.1 for the client's tests: opens a tunnel to the requested host and
 * copies bytes both ways, or refuses with a given answer. Records the CONNECT target of each request.
 */
final class TestProxy implements AutoCloseable {
    private final ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    private final String refusal;
    private final BlockingQueue<String> targets = new LinkedBlockingQueue<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private TestProxy(String refusal) throws IOException {
        this.refusal = refusal;
        daemon("test-proxy-accept", this::acceptLoop);
    }

    /** A proxy that opens every tunnel. */
    static TestProxy open() throws IOException {
        return new TestProxy(null);
    }

    /** A proxy that answers every CONNECT with this status line (for example {@code 407 Proxy Authentication Required}). */
    static TestProxy refusing(String status) throws IOException {
        return new TestProxy(status);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** The {@code host:port} of the next CONNECT, waiting up to 5 s. */
    String takeTarget() throws InterruptedException {
        String target = targets.poll(5, TimeUnit.SECONDS);
        if (target == null) {
            throw new AssertionError("The proxy received no CONNECT within 5 s");
        }
        return target;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                sockets.add(client);
                daemon("test-proxy-tunnel", () -> tunnel(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try {
            String head = readHead(client.getInputStream());
            String target = head.split(" ")[1];
            targets.add(target);
            OutputStream toClient = client.getOutputStream();
            if (refusal != null) {
                toClient.write(("HTTP/1.1 " + refusal + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            int colon = target.lastIndexOf(':');
            Socket server = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
            sockets.add(server);
            toClient.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            daemon("test-proxy-up", () -> copy(client, server));
            copy(server, client);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed is closed
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
