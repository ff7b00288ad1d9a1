package dev.tideway.websocket.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.WebConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Scripted non-blocking Servlet streams, for testing the transport without a container. */
final class FakeStreams {

    private FakeStreams() {
    }

    /** Chunks to read, in order; ready while one is queued. Like Tomcat, refuses isReady() before a listener. */
    static final class Input extends ServletInputStream {
        final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        final List<byte[]> arraysReadInto = new ArrayList<>();
        /** The threads that called isReady() or read(), in order. */
        final List<Thread> streamThreads = java.util.Collections.synchronizedList(new ArrayList<>());
        ReadListener listener;
        boolean eof;
        int reads;
        /** Runs when isReady() is about to say false: a container's data arriving meanwhile. */
        Runnable whenNotReady;
        /** Runs inside setReadListener() before the listener is taken: another thread acting meanwhile. */
        Runnable whileSettingListener;

        @Override
        public boolean isFinished() {
            return eof && chunks.isEmpty();
        }

        @Override
        public boolean isReady() {
            if (listener == null) {
                throw new IllegalStateException("isReady() before setReadListener()");
            }
            streamThreads.add(Thread.currentThread());
            if (chunks.isEmpty() && !eof && whenNotReady != null) {
                Runnable hook = whenNotReady;
                whenNotReady = null;
                hook.run();
            }
            return !chunks.isEmpty() || eof;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            if (whileSettingListener != null) {
                whileSettingListener.run();
            }
            this.listener = listener;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            streamThreads.add(Thread.currentThread());
            reads++;
            arraysReadInto.add(b);
            byte[] chunk = chunks.poll();
            if (chunk == null) {
                return -1;
            }
            if (chunk.length > len) {
                throw new IllegalStateException("test chunk larger than the read buffer");
            }
            System.arraycopy(chunk, 0, b, off, chunk.length);
            return chunk.length;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }
    }

    /** Accepts everything written; isReady() follows a script. Like Tomcat, refuses isReady() before a listener. */
    static final class Output extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final List<Integer> writeSizes = new ArrayList<>();
        WriteListener listener;
        int isReadyCalls;
        int flushes;
        boolean ready = true;
        /** After this many more writes, isReady() says false once (then {@link #ready} is false). */
        int writesUntilNotReady = Integer.MAX_VALUE;
        IOException failWith;
        /** Runs when isReady() is about to say false; that call still says false. */
        Runnable whenNotReady;

        @Override
        public boolean isReady() {
            if (listener == null) {
                throw new IllegalStateException("isReady() before setWriteListener()");
            }
            isReadyCalls++;
            if (!ready && whenNotReady != null) {
                Runnable hook = whenNotReady;
                whenNotReady = null;
                hook.run();
                return false; // this answer was given before what the hook did
            }
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!ready) {
                throw new IllegalStateException("write while not ready");
            }
            if (failWith != null) {
                throw failWith;
            }
            written.write(b, off, len);
            writeSizes.add(len);
            if (--writesUntilNotReady == 0) {
                ready = false;
            }
        }

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flush() {
            if (!ready) {
                throw new IllegalStateException("flush while not ready");
            }
            flushes++;
        }
    }

    /** The two streams as an upgraded connection. */
    static final class Connection implements WebConnection {
        final Input input = new Input();
        final Output output = new Output();
        boolean closed;

        @Override
        public ServletInputStream getInputStream() {
            return input;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return output;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
