package dev.tideway.websocket.endpoint;

import jakarta.websocket.DeploymentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UriTemplateTest {

    @Test
    void parsesVariablesAndLiterals() throws Exception {
        UriTemplate template = UriTemplate.parse("/a/{x}/b/{y}");
        assertEquals(List.of(new UriTemplate.Segment("a", false), new UriTemplate.Segment("x", true),
                new UriTemplate.Segment("b", false), new UriTemplate.Segment("y", true)), template.segments());
        assertEquals(List.of("x", "y"), template.variableNames());
        assertFalse(template.isLiteral());
        assertEquals("/a/{}/b/{}", template.shape());
        assertEquals("/a/{x}/b/{y}", template.template());
        assertEquals("/a/{x}/b/{y}", template.toString());
    }

    @Test
    void parsesLiteralPaths() throws Exception {
        UriTemplate chat = UriTemplate.parse("/chat");
        assertTrue(chat.isLiteral());
        assertEquals(List.of(new UriTemplate.Segment("chat", false)), chat.segments());
        assertEquals(List.of(), chat.variableNames());
        UriTemplate root = UriTemplate.parse("/");
        assertEquals(List.of(new UriTemplate.Segment("", false)), root.segments(), "'/' is one empty segment");
        UriTemplate trailing = UriTemplate.parse("/a/b/");
        assertEquals(List.of(new UriTemplate.Segment("a", false), new UriTemplate.Segment("b", false),
                new UriTemplate.Segment("", false)), trailing.segments(), "a trailing slash is an empty segment");
    }

    @Test
    void acceptsSpecNamesAndUriCharacters() throws Exception {
        assertEquals(List.of("guest-id"), UriTemplate.parse("/bookings/{guest-id}").variableNames());
        assertEquals(List.of("a.b_c-9"), UriTemplate.parse("/{a.b_c-9}").variableNames());
        assertTrue(UriTemplate.parse("/a-b.c_d~e/!$&'()*+,;=:@/%20%c3%A9").isLiteral());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''             | it must start with '/'",
        "chat           | it must start with '/'",
        "//             | empty segments ('//') are not allowed",
        "/a//b          | empty segments ('//') are not allowed",
        "/a/../b        | the segments '.' and '..' are not allowed",
        "/a/./b         | the segments '.' and '..' are not allowed",
        "/..            | the segments '.' and '..' are not allowed",
        "/a{x}          | a variable must be a whole segment, but the segment 'a{x}' mixes it with other text",
        "/{x}.json      | a variable must be a whole segment, but the segment '{x}.json' mixes it with other text",
        "/{a/b}         | a variable must be a whole segment, but the segment '{a' mixes it with other text",
        "/{x}}          | '{x}}' is not a valid variable name (use letters, digits, '_', '-' and '.')",
        "/{}            | '{}' is not a valid variable name (use letters, digits, '_', '-' and '.')",
        "/{a b}         | '{a b}' is not a valid variable name (use letters, digits, '_', '-' and '.')",
        "/{x}/y/{x}     | the variable {x} is used more than once",
        "/a b           | the character ' ' is not allowed in a path segment",
        "/a?b=c         | the character '?' is not allowed in a path segment",
        "/a#top         | the character '#' is not allowed in a path segment",
        "/caf\u00e9     | the character '\u00e9' is not allowed in a path segment",
        "/a%2           | '%' in the segment 'a%2' does not start a %XX escape",
        "/a%zz          | '%' in the segment 'a%zz' does not start a %XX escape",
    })
    void rejectsInvalidTemplates(String template, String rule) {
        DeploymentException e = assertThrows(DeploymentException.class, () -> UriTemplate.parse(template));
        assertEquals("Invalid endpoint path '" + template + "': " + rule, e.getMessage());
    }

    @Test
    void rejectsNull() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> UriTemplate.parse(null));
        assertEquals("Invalid endpoint path 'null': it must start with '/'", e.getMessage());
    }

    @Test
    void matchesVariablesOneNonEmptySegmentEach() throws Exception {
        UriTemplate template = UriTemplate.parse("/a/{x}/b/{y}");
        assertEquals(Map.of("x", "1", "y", "two"), template.match("/a/1/b/two"));
        assertEquals(List.of("x", "y"), new ArrayList<>(template.match("/a/1/b/2").keySet()), "template order");
        assertNull(template.match("/a/1/b"));
        assertNull(template.match("/a/1/b/2/"));
        assertNull(template.match("/a//b/2"));
        assertNull(template.match("/a/1/c/2"));
        assertNull(template.match("a/1/b/2"));
        assertNull(template.match(null));
    }

    @Test
    void matchesSpecExamples() throws Exception {
        // §3.1.1 (ii): /a/{var} matches /a/b and /a/apple, not /a, /a/b/ or /a/b/c
        UriTemplate var = UriTemplate.parse("/a/{var}");
        assertEquals(Map.of("var", "b"), var.match("/a/b"));
        assertEquals(Map.of("var", "apple"), var.match("/a/apple"));
        assertNull(var.match("/a"));
        assertNull(var.match("/a/"));
        assertNull(var.match("/a/b/"));
        assertNull(var.match("/a/b/c"));
        // §3.1.1 (i): /a/b/ matches only /a/b/
        UriTemplate trailing = UriTemplate.parse("/a/b/");
        assertEquals(Map.of(), trailing.match("/a/b/"));
        assertNull(trailing.match("/a/b"));
    }

    @Test
    void comparesSegmentsVerbatim() throws Exception {
        assertEquals(Map.of("name", "hello%20world"), UriTemplate.parse("/{name}").match("/hello%20world"));
        assertNull(UriTemplate.parse("/Chat").match("/chat"));
        assertEquals(Map.of(), UriTemplate.parse("/").match("/"));
        assertNull(UriTemplate.parse("/").match(""));
    }

    @Test
    void splitsPathsTheWayTemplatesCountSegments() {
        assertArrayEquals(new String[] {""}, UriTemplate.splitPath("/"));
        assertArrayEquals(new String[] {"a", "b", ""}, UriTemplate.splitPath("/a/b/"));
        assertArrayEquals(new String[] {"a", "", "b"}, UriTemplate.splitPath("/a//b"));
        assertNull(UriTemplate.splitPath("a/b"));
    }

    @Test
    void equalityIsByTemplateText() throws Exception {
        assertEquals(UriTemplate.parse("/a/{x}"), UriTemplate.parse("/a/{x}"));
        assertEquals(UriTemplate.parse("/a/{x}").hashCode(), UriTemplate.parse("/a/{x}").hashCode());
        assertNotEquals(UriTemplate.parse("/a/{x}"), UriTemplate.parse("/a/{y}"));
        assertEquals(UriTemplate.parse("/a/{x}").shape(), UriTemplate.parse("/a/{y}").shape());
    }
}
