package dev.tideway.websocket.server;

import jakarta.websocket.DeploymentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Path matching and precedence as in Jakarta WebSocket §3.1.1, with the spec's own examples. */
class EndpointRegistryTest {

    private static EndpointRegistry<String> registry(String... templates) throws DeploymentException {
        EndpointRegistry<String> registry = new EndpointRegistry<>();
        for (String template : templates) {
            registry.add(template, template);
        }
        return registry;
    }

    private static void assertMatch(EndpointRegistry<String> registry, String path, String template,
            Map<String, String> parameters) {
        EndpointRegistry.Match<String> match = registry.match(path);
        assertEquals(template, match == null ? null : match.endpoint(), path);
        assertEquals(template, match.template().template());
        assertEquals(parameters, match.pathParameters(), path);
    }

    @Test
    void exactMatchBeatsTemplate() throws Exception {
        // §3.1.1: incoming /a/b, endpoint A on /a/b, endpoint B on /a/{customer-name}
        EndpointRegistry<String> registry = registry("/a/{customer-name}", "/a/b");
        assertMatch(registry, "/a/b", "/a/b", Map.of());
        assertMatch(registry, "/a/c", "/a/{customer-name}", Map.of("customer-name", "c"));
    }

    @Test
    void specExampleThreeEndpoints() throws Exception {
        // §3.1.1 example (iii); the spec writes the last request as "a/x/y/", a typo: a trailing slash would be a
        // fourth (empty) segment, which example (ii) says no variable matches
        EndpointRegistry<String> registry = registry("/a/{var}/c", "/a/b/c", "/a/{var1}/{var2}");
        assertMatch(registry, "/a/b/c", "/a/b/c", Map.of());
        assertMatch(registry, "/a/d/c", "/a/{var}/c", Map.of("var", "d"));
        assertMatch(registry, "/a/x/y", "/a/{var1}/{var2}", Map.of("var1", "x", "var2", "y"));
        assertNull(registry.match("/a/x/y/"));
    }

    @Test
    void specExampleLeftToRight() throws Exception {
        // §3.1.1 example (iv): /b/d matches /b/{var2}, not /{var1}/d
        EndpointRegistry<String> registry = registry("/{var1}/d", "/b/{var2}");
        assertMatch(registry, "/b/d", "/b/{var2}", Map.of("var2", "d"));
        assertMatch(registry, "/c/d", "/{var1}/d", Map.of("var1", "c"));
    }

    @Test
    void specExamplesOfSingleTemplates() throws Exception {
        EndpointRegistry<String> registry = registry("/a/b/", "/x/{var}");
        assertMatch(registry, "/a/b/", "/a/b/", Map.of());
        assertNull(registry.match("/a/b"));
        assertMatch(registry, "/x/apple", "/x/{var}", Map.of("var", "apple"));
        assertNull(registry.match("/x"));
        assertNull(registry.match("/x/"));
        assertNull(registry.match("/x/b/"));
        assertNull(registry.match("/x/b/c"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/a/c/d, /a/c/d",
        "/a/c/x, /a/c/{d}",
        "/a/x/d, /a/{c}/d",
        "/a/x/y, /a/{c}/{d}",
        "/x/c/d, /{a}/c/d",
        "/x/c/y, /{a}/c/{d}",
        "/x/y/d, /{a}/{c}/d",
        "/x/y/z, /{a}/{c}/{d}",
    })
    void literalSegmentWinsAtTheLeftmostDifference(String path, String expected) throws Exception {
        // every shape of a three-segment path, as the TCK's URI-matching tests deploy them
        EndpointRegistry<String> registry = registry("/{a}/{c}/{d}", "/{a}/{c}/d", "/{a}/c/{d}", "/{a}/c/d",
                "/a/{c}/{d}", "/a/{c}/d", "/a/c/{d}", "/a/c/d");
        assertEquals(expected, registry.match(path).endpoint());
    }

    @Test
    void fallsBackToVariableBranchWhenTheLiteralBranchDeadEnds() throws Exception {
        // /a/b/d is a valid expansion of /{x}/b/d only; the literal first segment of /a/b/c must not hide it
        EndpointRegistry<String> registry = registry("/a/b/c", "/{x}/b/d");
        assertMatch(registry, "/a/b/d", "/{x}/b/d", Map.of("x", "a"));
        assertMatch(registry, "/a/b/c", "/a/b/c", Map.of());
    }

    @Test
    void segmentCountMustBeEqual() throws Exception {
        EndpointRegistry<String> registry = registry("/a/{x}", "/a/{x}/{y}", "/");
        assertMatch(registry, "/a/1", "/a/{x}", Map.of("x", "1"));
        assertMatch(registry, "/a/1/2", "/a/{x}/{y}", Map.of("x", "1", "y", "2"));
        assertMatch(registry, "/", "/", Map.of());
        assertNull(registry.match("/a"));
        assertNull(registry.match("/a/1/2/3"));
        assertNull(registry.match("/a//2"), "a variable does not match an empty segment");
    }

    @Test
    void noMatchIsNull() throws Exception {
        EndpointRegistry<String> registry = registry("/chat/{room}");
        assertNull(registry.match("/chats/lobby"));
        assertNull(registry.match("chat/lobby"));
        assertNull(registry.match(""));
        assertNull(registry.match(null));
        assertNull(new EndpointRegistry<String>().match("/"));
    }

    @Test
    void rejectsEqualPath() throws Exception {
        EndpointRegistry<String> registry = registry("/path");
        DeploymentException e = assertThrows(DeploymentException.class, () -> registry.add("/path", "second"));
        assertEquals("Duplicate endpoint path '/path': it is already registered; an application may not map two"
                + " endpoints to equal or equivalent paths", e.getMessage());
        assertEquals("/path", registry.match("/path").endpoint(), "the first registration stays");
    }

    @Test
    void rejectsEquivalentTemplate() throws Exception {
        EndpointRegistry<String> registry = registry("/a/{x}/c");
        DeploymentException e = assertThrows(DeploymentException.class, () -> registry.add("/a/{y}/c", "second"));
        assertEquals("Duplicate endpoint path '/a/{y}/c': it is equivalent to the registered path '/a/{x}/c'; an"
                + " application may not map two endpoints to equal or equivalent paths", e.getMessage());
        registry.add("/a/{y}/d", "different shape");
        assertEquals(List.of("/a/{x}/c", "/a/{y}/d"),
                registry.templates().stream().map(t -> t.template()).toList());
    }

    @Test
    void rejectsInvalidTemplate() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> new EndpointRegistry<String>().add("/a//b", "x"));
        assertEquals("Invalid endpoint path '/a//b': empty segments ('//') are not allowed", e.getMessage());
    }

    @Test
    void registersArbitraryValues() throws Exception {
        EndpointRegistry<Integer> registry = new EndpointRegistry<>();
        registry.add("/n/{id}", 7);
        EndpointRegistry.Match<Integer> match = registry.match("/n/42");
        assertEquals(7, match.endpoint());
        assertEquals(Map.of("id", "42"), match.pathParameters());
    }
}
