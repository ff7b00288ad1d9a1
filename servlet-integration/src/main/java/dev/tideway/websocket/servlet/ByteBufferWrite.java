package dev.tideway.websocket.servlet;

import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;

/**
 * A container's own Servlet 6.1 {@code ServletOutputStream.write(ByteBuffer)}, for buffers without an
 * accessible array (direct buffers, and the read-only views a broadcast queues to every session), which
 * would otherwise be copied to a heap array first. Tideway compiles against Servlet 6.0, so the method is
 * found at run time; the API's default is not used, as it copies into a new array on every call.
 *
 * <p>In non-blocking mode the container may keep the buffer until {@code isReady()} returns true again,
 * and by then has set its position to its limit: the writer neither touches it nor completes its write
 * before that.
 */
final class ByteBufferWrite {
    private static final MethodHandle API_METHOD = apiMethod();
    private static final ClassValue<Boolean> OVERRIDDEN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> streamClass) {
            try {
                return streamClass.getMethod("write", ByteBuffer.class).getDeclaringClass() != ServletOutputStream.class;
            } catch (NoSuchMethodException servlet60) {
                return false;
            }
        }
    };

    private ByteBufferWrite() {
    }

    private static MethodHandle apiMethod() {
        try {
            return MethodHandles.publicLookup().findVirtual(ServletOutputStream.class, "write",
                    MethodType.methodType(void.class, ByteBuffer.class));
        } catch (NoSuchMethodException | IllegalAccessException servlet60) {
            return null;
        }
    }

    /** Whether {@code output}'s container implements {@code write(ByteBuffer)} itself. */
    static boolean isSupportedBy(ServletOutputStream output) {
        return API_METHOD != null && OVERRIDDEN.get(output.getClass());
    }

    /** {@code output.write(buffer)}; only where {@link #isSupportedBy} said true. */
    static void write(ServletOutputStream output, ByteBuffer buffer) throws IOException {
        try {
            API_METHOD.invokeExact(output, buffer);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) { // write declares IOException only
            throw new IOException(impossible);
        }
    }
}
