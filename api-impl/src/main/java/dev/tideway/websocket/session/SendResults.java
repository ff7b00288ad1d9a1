package dev.tideway.websocket.session;

import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/**
 * Makes {@link SendResult}s with the API that is present at run time. Jakarta WebSocket 2.2 added the
 * constructors that carry the session; Tomcat 10.1 loads its own 2.1 API in every web application (ahead
 * of any jar in the WAR), where only the older constructors exist and calling a 2.2 one fails with
 * {@code NoSuchMethodError}, so a {@code SendHandler} would never hear of its send there.
 */
final class SendResults {
    private static final boolean CARRY_SESSION = hasSessionConstructor();

    private SendResults() {
    }

    static SendResult ok(Session session) {
        return CARRY_SESSION ? new SendResult(session) : legacyOk();
    }

    static SendResult failed(Session session, Throwable cause) {
        return CARRY_SESSION ? new SendResult(session, cause) : legacyFailed(cause);
    }

    @SuppressWarnings("deprecation") // the 2.1 constructor: the only one a 2.1 API has
    private static SendResult legacyOk() {
        return new SendResult();
    }

    @SuppressWarnings("deprecation") // the 2.1 constructor: the only one a 2.1 API has
    private static SendResult legacyFailed(Throwable cause) {
        return new SendResult(cause);
    }

    private static boolean hasSessionConstructor() {
        try {
            SendResult.class.getConstructor(Session.class);
            return true;
        } catch (NoSuchMethodException apiOlderThan22) {
            return false;
        }
    }
}
