package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a session keeps of its request: ordered, unmodifiable copies. */
class SessionRequestTest {

    @Test
    void parametersKeepTheRequestsOrderAndCannotBeChanged() {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 19; i >= 0; i--) { // an order no hash would give
            path.put("p" + i, "v" + i);
            query.put("q" + i, List.of("w" + i));
        }

        SessionRequest request = new SessionRequest(URI.create("ws://localhost/x"), path, null, query, null, false);
        path.clear();

        assertEquals(List.of("p19", "p18", "p17", "p16", "p15", "p14", "p13", "p12", "p11", "p10", "p9", "p8", "p7",
                "p6", "p5", "p4", "p3", "p2", "p1", "p0"), List.copyOf(request.pathParameters().keySet()));
        assertEquals(List.copyOf(query.keySet()), List.copyOf(request.parameterMap().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> request.pathParameters().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> request.parameterMap().remove("q1"));
    }
}
