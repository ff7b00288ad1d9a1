package dev.tideway.websocket.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void writesMembersInOrder() {
        assertEquals("{\"type\":\"joined\",\"name\":\"alice\",\"members\":[\"bob\",\"alice\"]}",
                new JsonWriter().field("type", "joined").field("name", "alice").field("members", List.of("bob", "alice"))
                        .toJson());
        assertEquals("{}", new JsonWriter().toJson());
        assertEquals("{\"members\":[]}", new JsonWriter().field("members", List.of()).toJson());
    }

    @Test
    void escapesWhatJsonRequires() {
        assertEquals("\"say \\\"hi\\\" \\\\ back\\\\slash\"", quoted("say \"hi\" \\ back\\slash"));
        assertEquals("\"a\\nb\\rc\\td\\be\\ff\"", quoted("a\nb\rc\td\be\ff"));
        assertEquals("\"\\u0000\\u001f\u007f\"", quoted("\u0000\u001f\u007f"), "DEL is no control character to JSON");
    }

    @Test
    void escapesJavaScriptLineEndsAndLoneSurrogates() {
        assertEquals("\"\\u2028\\u2029\"", quoted("\u2028\u2029"));
        assertEquals("\"x\\ud83dy\\ude00\"", quoted("x\ud83dy\ude00"));
        assertEquals("\"\\ud83d\"", quoted("\ud83d"));
    }

    @Test
    void keepsOtherTextAsItIs() {
        String text = "héllo wörld 日本 \uD83D\uDE00 </script> '";
        assertEquals("\"" + text + "\"", quoted(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "\"quoted\" \\ /", "\n\r\t\b\f\u0000\u001f", "\u2028\u2029",
        "\ud83d lone \ude00", "\uD83D\uDE00 pair", "日本語"})
    void whatIsWrittenParsesBackTheSame(String text) {
        String json = new JsonWriter().field("text", text).field("list", List.of(text, text)).toJson();
        assertEquals(Map.of("text", text, "list", List.of(text, text)), JsonParser.parseObject(json));
    }

    @Test
    void parsesEveryKindOfValue() {
        Map<String, Object> object = JsonParser.parseObject(
                " {\"s\": \"a\\u00e9\\/\\\"\", \"n\": -12.5e2, \"z\": 0, \"t\": true, \"f\": false, \"nil\": null,"
                        + " \"list\": [1, \"two\", [], {}], \"nested\": {\"k\": \"v\"}}\n");
        assertEquals(List.of("s", "n", "z", "t", "f", "nil", "list", "nested"), List.copyOf(object.keySet()));
        assertEquals("aé/\"", object.get("s"));
        assertEquals(new BigDecimal("-12.5e2"), object.get("n"));
        assertEquals(BigDecimal.ZERO, object.get("z"));
        assertEquals(true, object.get("t"));
        assertEquals(false, object.get("f"));
        assertNull(object.get("nil"));
        assertEquals(Arrays.asList(BigDecimal.ONE, "two", List.of(), Map.of()), object.get("list"));
        assertEquals(Map.of("k", "v"), object.get("nested"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                       | JSON: expected a value at offset 0",
        "not json                 | JSON: expected a value at offset 0",
        "{\"a\":1} x              | JSON: unexpected text after the value at offset 8",
        "{\"a\" 1}                | JSON: expected ':' at offset 5",
        "{\"a\":1,}               | JSON: expected a member name at offset 7",
        "{a:1}                    | JSON: expected a member name at offset 1",
        "{\"a\":1,\"a\":2}        | JSON: duplicate member \"a\" at offset 11",
        "[1 2]                    | JSON: expected ']' at offset 3",
        "\"open                   | JSON: unterminated string at offset 5",
        "\"bad \\x\"              | JSON: bad escape \\x at offset 7",
        "\"\\u12\"                | JSON: short \\u escape at offset 3",
        "\"\\u12x4\"              | JSON: bad \\u escape at offset 6",
        "01                       | JSON: unexpected text after the value at offset 1",
        "-                        | JSON: expected a digit at offset 1",
        "1.                       | JSON: expected a digit at offset 2",
        "1e+                      | JSON: expected a digit at offset 3",
        "tru                      | JSON: expected a value at offset 0",
    })
    void refusesBadJsonSayingWhatAndWhere(String json, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(json)).getMessage());
    }

    @Test
    void refusesRawControlCharactersInStrings() {
        assertEquals("JSON: control character in a string at offset 3",
                assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("\"a\nb\"")).getMessage());
    }

    @Test
    void boundsNesting() {
        String deep = "[".repeat(65) + "]".repeat(65);
        assertEquals("JSON: nested deeper than 64 at offset 64",
                assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(deep)).getMessage());
        assertEquals(List.of(), unwrap(JsonParser.parse("[".repeat(64) + "]".repeat(64)), 63));
    }

    @Test
    void anObjectIsWhatParseObjectWants() {
        assertEquals("JSON: expected an object",
                assertThrows(IllegalArgumentException.class, () -> JsonParser.parseObject("[]")).getMessage());
    }

    private static Object unwrap(Object value, int levels) {
        Object inner = value;
        for (int i = 0; i < levels; i++) {
            inner = ((List<?>) inner).get(0);
        }
        return inner;
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.quote(value, out);
        return out.toString();
    }
}
