package dev.tideway.websocket.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    @Test
    void theDefaultAllowsEveryOrigin() {
        assertTrue(OriginPolicy.ALLOW_ALL.allows("https://evil.example", "chat.example.com"));
        assertTrue(OriginPolicy.parse("  ").allows("https://evil.example", null));
    }

    @Test
    void exactOriginsMatchSchemeHostAndPort() {
        OriginPolicy policy = OriginPolicy.parse("https://chat.example.com, http://localhost:8080");
        assertTrue(policy.allows("https://chat.example.com", null));
        assertTrue(policy.allows("https://chat.example.com:443", null), "default port may be explicit");
        assertTrue(policy.allows("HTTP://LOCALHOST:8080", null), "case does not matter");
        assertFalse(policy.allows("http://chat.example.com", null), "other scheme");
        assertFalse(policy.allows("https://chat.example.com:8443", null), "other port");
        assertFalse(policy.allows("https://chat.example.com.evil.example", null), "suffix attack");
        assertFalse(policy.allows("http://localhost:8081", null));
    }

    @Test
    void wildcardsMatchSubdomainsOnly() {
        OriginPolicy policy = OriginPolicy.parse("https://*.example.com");
        assertTrue(policy.allows("https://a.example.com", null));
        assertTrue(policy.allows("https://a.b.example.com", null));
        assertFalse(policy.allows("https://example.com", null));
        assertFalse(policy.allows("https://badexample.com", null));
        assertFalse(policy.allows("http://a.example.com", null));
    }

    @Test
    void sameOriginComparesWithTheHostHeader() {
        OriginPolicy policy = OriginPolicy.parse("same-origin");
        assertTrue(policy.allows("http://localhost:8080", "localhost:8080"));
        assertTrue(policy.allows("https://chat.example.com", "chat.example.com"));
        assertFalse(policy.allows("http://evil.example:8080", "localhost:8080"));
        assertFalse(policy.allows("http://localhost:8080", null));
    }

    @Test
    void aMissingOriginIsAllowedAndAnOpaqueOneIsNot() {
        OriginPolicy policy = OriginPolicy.parse("https://chat.example.com");
        assertTrue(policy.allows(null, "chat.example.com"));
        assertFalse(policy.allows("null", "chat.example.com"));
        assertFalse(policy.allows("not a url", "chat.example.com"));
    }
}
