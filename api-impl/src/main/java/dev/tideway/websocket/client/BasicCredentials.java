package dev.tideway.websocket.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and password for HTTP Basic authentication (RFC 7617). The client sends them only after the
 * server asked for them with a {@code 401} and {@code WWW-Authenticate: Basic}, and then only once.
 *
 * @param user     the user id; it may not contain a colon (RFC 7617 §2)
 * @param password the password
 */
public record BasicCredentials(String user, String password) {

    public BasicCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("A Basic authentication user id cannot contain ':'");
        }
    }

    /** The {@code Authorization} header value: {@code Basic base64(user:password)}, in UTF-8. */
    String authorization() {
        byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
