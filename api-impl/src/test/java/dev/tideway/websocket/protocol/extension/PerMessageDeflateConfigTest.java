package dev.tideway.websocket.protocol.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class PerMessageDeflateConfigTest {

    @Test
    void defaults() {
        PerMessageDeflateConfig defaults = PerMessageDeflateConfig.DEFAULTS;
        assertEquals(Deflater.DEFAULT_COMPRESSION, defaults.compressionLevel());
        assertFalse(defaults.serverNoContextTakeover());
        assertFalse(defaults.clientNoContextTakeover());
        assertEquals(0, defaults.minCompressSize());
        assertEquals(16 * 1024, defaults.inflateChunkSize());
    }

    @Test
    void builderSetsEverySetting() {
        PerMessageDeflateConfig config = PerMessageDeflateConfig.builder()
                .compressionLevel(1)
                .serverNoContextTakeover(true)
                .clientNoContextTakeover(true)
                .minCompressSize(64)
                .inflateChunkSize(4096)
                .build();
        assertEquals(1, config.compressionLevel());
        assertTrue(config.serverNoContextTakeover());
        assertTrue(config.clientNoContextTakeover());
        assertEquals(64, config.minCompressSize());
        assertEquals(4096, config.inflateChunkSize());
    }

    @Test
    void invalidSettingsAreRejectedAtOnce() {
        PerMessageDeflateConfig.Builder builder = PerMessageDeflateConfig.builder();
        assertEquals("compressionLevel must be -1 or 0..9, got 10",
                assertThrows(IllegalArgumentException.class, () -> builder.compressionLevel(10)).getMessage());
        assertEquals("compressionLevel must be -1 or 0..9, got -2",
                assertThrows(IllegalArgumentException.class, () -> builder.compressionLevel(-2)).getMessage());
        assertEquals("minCompressSize must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> builder.minCompressSize(-1)).getMessage());
        assertEquals("inflateChunkSize must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> builder.inflateChunkSize(0)).getMessage());
    }
}
