package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FrameParser.Listener} that joins each data frame's chunks and records every frame as a
 * {@link RecordedFrame}, in arrival order. It also checks the parser's side of the listener contract as it
 * goes: chunk flags in order, a header that stays the same across a frame's chunks, payload lengths that
 * add up to the declared one, control frames whole and at most 125 bytes.
 */
public final class RecordingFrameListener implements FrameParser.Listener {
    private final List<RecordedFrame> frames = new ArrayList<>();
    private final ByteArrayOutputStream currentDataFrame = new ByteArrayOutputStream();
    private boolean insideDataFrame;
    private int currentOpcode;
    private int dataChunks;
    private int callbacks;

    @Override
    public void onDataFrame(FrameHeader header, ByteBuffer payload, boolean frameStart, boolean frameEnd) {
        callbacks++;
        dataChunks++;
        assertFalse(header.isControl(), "data callback for " + header);
        assertEquals(!insideDataFrame, frameStart, "frameStart flag of a chunk of " + header);
        if (frameStart) {
            currentOpcode = header.opcode();
        }
        assertEquals(currentOpcode, header.opcode(), "opcode changed within a frame");
        byte[] chunk = new byte[payload.remaining()];
        payload.get(chunk);
        currentDataFrame.writeBytes(chunk);
        insideDataFrame = !frameEnd;
        if (frameEnd) {
            assertEquals(header.payloadLength(), currentDataFrame.size(), "payload bytes delivered for " + header);
            frames.add(RecordedFrame.of(header.opcode(), header.fin(), header.rsv(),
                    currentDataFrame.toByteArray()));
            currentDataFrame.reset();
        }
    }

    @Override
    public void onControlFrame(FrameHeader header, ByteBuffer payload) {
        callbacks++;
        assertTrue(header.isControl(), "control callback for " + header);
        assertFalse(insideDataFrame, "control frame delivered inside a data frame's chunks");
        assertEquals(header.payloadLength(), payload.remaining(), "payload bytes delivered for " + header);
        assertTrue(payload.remaining() <= FrameParser.MAX_CONTROL_PAYLOAD_LENGTH, "control payload too long");
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        frames.add(RecordedFrame.of(header.opcode(), header.fin(), header.rsv(), bytes));
    }

    /** The frames completed so far, oldest first. */
    public List<RecordedFrame> frames() {
        return List.copyOf(frames);
    }

    /** Whether the last data chunk delivered did not end its frame. */
    public boolean insideDataFrame() {
        return insideDataFrame;
    }

    /** The number of {@code onDataFrame} calls (chunks, not frames). */
    public int dataChunks() {
        return dataChunks;
    }

    /** The number of callbacks of either kind. */
    public int callbacks() {
        return callbacks;
    }
}
