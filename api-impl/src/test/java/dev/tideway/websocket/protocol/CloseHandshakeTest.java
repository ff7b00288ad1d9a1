package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseHandshake.Reaction;
import dev.tideway.websocket.protocol.CloseHandshake.State;
import org.junit.jupiter.api.Test;

class CloseHandshakeTest {
    private final CloseHandshake handshake = new CloseHandshake();
    private final CloseStatus peer = new CloseStatus(1001, "away");

    @Test
    void weCloseFirstThenThePeerAnswers() {
        assertTrue(handshake.onSendClose());
        assertEquals(State.CLOSE_SENT, handshake.state());
        assertFalse(handshake.isOpen());
        assertEquals(Reaction.COMPLETE, handshake.onReceiveClose(peer));
        assertEquals(State.CLOSED, handshake.state());
        assertEquals(peer, handshake.outcome());
    }

    @Test
    void thePeerClosesFirstAndWeEcho() {
        assertEquals(Reaction.ECHO, handshake.onReceiveClose(peer));
        assertEquals(State.CLOSE_RECEIVED, handshake.state());
        assertTrue(handshake.canSendClose());
        assertTrue(handshake.onSendClose());
        assertEquals(State.CLOSED, handshake.state());
        assertEquals(peer, handshake.outcome());
    }

    @Test
    void onlyOneCloseFrameIsEverSent() {
        assertTrue(handshake.onSendClose());
        assertFalse(handshake.onSendClose());
        assertFalse(handshake.canSendClose());
    }

    @Test
    void aSecondCloseFromThePeerIsIgnored() {
        handshake.onSendClose();
        handshake.onReceiveClose(peer);
        assertEquals(Reaction.IGNORE, handshake.onReceiveClose(new CloseStatus(1000, "")));
        assertEquals(peer, handshake.outcome());
    }

    @Test
    void aConnectionThatEndsWithoutHandshakeIsAbnormal() {
        handshake.onSendClose();
        handshake.terminate();
        assertEquals(CloseStatus.ABNORMAL, handshake.outcome());
        assertEquals(Reaction.IGNORE, handshake.onReceiveClose(peer));
    }

    @Test
    void aFailureIsReportedWithTheCodeWeSent() {
        CloseStatus failure = new CloseStatus(1002, "bad frame");
        handshake.onFail(failure);
        handshake.onSendClose();
        handshake.terminate();
        assertEquals(failure, handshake.outcome());
    }

    @Test
    void thePeersCloseWinsOverALaterFailure() {
        handshake.onReceiveClose(peer);
        handshake.onFail(new CloseStatus(1002, "late"));
        assertEquals(peer, handshake.outcome());
    }
}
