package dev.tideway.websocket.benchmarks;

import dev.tideway.websocket.protocol.Utf8Validator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Utf8Validator#validate} over one text message of {@code size} bytes per operation.
 *
 * <p>The score is operations (messages validated) per second; the validation rate is
 * {@code GB/s = score * size / 1e9}, for example 100,000 ops/s at 65536 bytes is 6.6 GB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Utf8ValidationBenchmark {
    private static final String ASCII_SAMPLE = "{\"type\":\"quote\",\"symbol\":\"TIDE\",\"bid\":101.25,\"ask\":101.5} ";
    /** Chat-like text: mostly ASCII, with two-, three- and four-byte code points every few characters. */
    private static final String MIXED_SAMPLE = "Grüße aus Köln, Привет из Москвы, 東京からこんにちは 👋 — naïve café. ";

    @Param({"ascii", "mixed"})
    public String text;

    @Param({"1024", "65536"})
    public int size;

    @Param({"heap", "direct"})
    public String buffer;

    private ByteBuffer message;
    private final Utf8Validator validator = new Utf8Validator();

    @Setup
    public void setUp() {
        byte[] bytes = repeatToSize(text.equals("ascii") ? ASCII_SAMPLE : MIXED_SAMPLE, size);
        message = buffer.equals("direct") ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        message.put(bytes).clear();
        if (validator.validate(message) != -1 || !validator.isComplete()) {
            throw new IllegalStateException("the sample text must be valid UTF-8");
        }
    }

    @Benchmark
    public int validate() {
        validator.reset();
        return validator.validate(message);
    }

    /** The sample repeated to exactly {@code size} bytes, ending on a code point boundary (padded with spaces). */
    private static byte[] repeatToSize(String sample, int size) {
        StringBuilder text = new StringBuilder();
        int bytes = 0;
        for (int i = 0; ; i = (i + Character.charCount(sample.codePointAt(i))) % sample.length()) {
            int codePoint = sample.codePointAt(i);
            int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + length > size) {
                break;
            }
            text.appendCodePoint(codePoint);
            bytes += length;
        }
        text.append(" ".repeat(size - bytes));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
