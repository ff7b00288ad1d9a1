package dev.tideway.websocket.benchmarks;

import dev.tideway.websocket.protocol.ProtocolException;
import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionNegotiationException;
import dev.tideway.websocket.protocol.extension.OutboundPayload;
import dev.tideway.websocket.protocol.extension.PayloadSink;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateConfig;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * permessage-deflate on a negotiated pair: the server's side compresses a 1 KiB JSON message
 * ({@link Extension#encode}) and the client's side inflates it ({@link Extension#decode}) into a sink that
 * reads it. {@code roundTrip} does both per operation, {@code encode} only the compression.
 *
 * <p>The messages are {@value #MESSAGE_COUNT} different quote lists, sent in turn. With context takeover a
 * message found verbatim in the 32 KiB window would shrink to one back-reference, flattering the
 * compressor; so there are more messages than the window holds, and a message's previous copy has always
 * left it. What the window does hold, the keys and shape of recent similar messages, is what context
 * takeover gains on a real feed. Without it both zlib streams are reset after every message, as the
 * negotiated {@code *_no_context_takeover} parameters require. The compressed size per message is printed
 * after each trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DeflateBenchmark {
    private static final int MESSAGE_SIZE = 1024;
    /** 256 KiB of messages: eight times the 32 KiB DEFLATE window. */
    private static final int MESSAGE_COUNT = 256;

    @Param({"true", "false"})
    public boolean contextTakeover;

    /** zlib's default (6) unless overridden, for example {@code -p compressionLevel=1} to weigh speed against size. */
    @Param({"-1"})
    public int compressionLevel;

    private final OutboundPayload outbound = new OutboundPayload();
    private final InflatedReader reader = new InflatedReader();
    private final ByteBuffer[] messages = new ByteBuffer[MESSAGE_COUNT];
    private Extension server;
    private Extension client;
    private int next;
    private long compressedBytes;
    private long compressedMessages;

    @Setup
    public void setUp() throws ExtensionNegotiationException, ProtocolException {
        PerMessageDeflateConfig config = PerMessageDeflateConfig.builder()
                .serverNoContextTakeover(!contextTakeover)
                .clientNoContextTakeover(!contextTakeover)
                .compressionLevel(compressionLevel)
                .build();
        PerMessageDeflateFactory factory = new PerMessageDeflateFactory(config);
        server = factory.acceptOffer(factory.clientOffers().get(0));
        client = factory.acceptResponse(server.negotiated());
        Random random = new Random(42);
        for (int i = 0; i < MESSAGE_COUNT; i++) {
            messages[i] = ByteBuffer.wrap(quoteList(i, random));
        }
        checkRoundTrip();
    }

    @TearDown
    public void tearDown() {
        if (compressedMessages > 0) {
            System.out.printf(Locale.ROOT, "%n[context takeover %s, level %d] %d bytes compressed per %d-byte message%n",
                    contextTakeover, compressionLevel, compressedBytes / compressedMessages, MESSAGE_SIZE);
        }
        server.release();
        client.release();
    }

    @Benchmark
    public long roundTrip() throws ProtocolException {
        ByteBuffer compressed = compressNext();
        client.decode(outbound.rsv(), compressed, true, reader);
        return reader.sum;
    }

    @Benchmark
    public ByteBuffer encode() {
        return compressNext();
    }

    /** Compresses the next message on the server's side; the message buffer is consumed, so it is reset. */
    private ByteBuffer compressNext() {
        ByteBuffer message = messages[next];
        next = (next + 1) % MESSAGE_COUNT;
        outbound.reset(message.clear());
        server.encode(outbound, true, true);
        ByteBuffer compressed = outbound.payload();
        compressedBytes += compressed.remaining();
        compressedMessages++;
        return compressed;
    }

    /** Two passes over the messages must come out as they went in, compressed (RSV1) each time. */
    private void checkRoundTrip() throws ProtocolException {
        for (int pass = 0; pass < 2; pass++) {
            for (ByteBuffer message : messages) {
                byte[] original = Arrays.copyOf(message.array(), message.capacity());
                ByteBuffer compressed = compressNext();
                if (outbound.rsv() == 0) {
                    throw new IllegalStateException("the message was sent uncompressed");
                }
                ByteArrayOutputStream inflated = new ByteArrayOutputStream();
                client.decode(outbound.rsv(), compressed, true, (chunk, end) -> {
                    byte[] bytes = new byte[chunk.remaining()];
                    chunk.get(bytes);
                    inflated.writeBytes(bytes);
                });
                if (!Arrays.equals(original, inflated.toByteArray())) {
                    throw new IllegalStateException("the round trip changed the message");
                }
            }
        }
        compressedBytes = 0;
        compressedMessages = 0;
    }

    /** A JSON list of quotes, padded with spaces to exactly {@value #MESSAGE_SIZE} bytes. */
    private static byte[] quoteList(int sequence, Random random) {
        String[] symbols = {"TIDE", "WAVE", "SURF", "REEF", "KELP", "GULL", "CRAB", "DUNE"};
        StringBuilder json = new StringBuilder("{\"type\":\"quotes\",\"seq\":").append(sequence).append(",\"quotes\":[");
        String end = "]}";
        for (int i = 0; ; i++) {
            double bid = 50 + random.nextInt(10_000) / 100.0;
            String quote = String.format(Locale.ROOT,
                    "%s{\"symbol\":\"%s\",\"bid\":%.2f,\"ask\":%.2f,\"volume\":%d,\"time\":%d}",
                    i == 0 ? "" : ",", symbols[random.nextInt(symbols.length)], bid, bid + 0.05,
                    random.nextInt(1_000_000), 1_700_000_000_000L + random.nextInt(1_000_000));
            if (json.length() + quote.length() + end.length() > MESSAGE_SIZE) {
                break;
            }
            json.append(quote);
        }
        json.append(" ".repeat(MESSAGE_SIZE - json.length() - end.length())).append(end);
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads every inflated chunk: its length and, if it has them, its first eight bytes. */
    private static final class InflatedReader implements PayloadSink {
        long sum;

        @Override
        public void onPayload(ByteBuffer chunk, boolean messageEnd) {
            sum += chunk.remaining();
            if (chunk.remaining() >= Long.BYTES) {
                sum += chunk.getLong(chunk.position());
            }
        }
    }
}
