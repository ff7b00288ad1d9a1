package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.Scheduler;
import java.util.concurrent.Executor;

/**
 * What all sessions of one container share: the executor their callbacks run on (each session keeps its
 * own order on top of it), the scheduler of their timers, and the pool their buffers come from.
 */
public record SessionResources(Executor executor, Scheduler scheduler, BufferPool bufferPool) {
}
