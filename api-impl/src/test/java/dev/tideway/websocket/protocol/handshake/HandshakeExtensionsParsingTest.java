package dev.tideway.websocket.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.extension.ExtensionOffer.Parameter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link HandshakeHeaders#parseExtensions}: the grammar of RFC 6455 §9.1 and its error messages. */
class HandshakeExtensionsParsingTest {

    private static List<ExtensionOffer> parse(String... lines) throws HandshakeException {
        return HandshakeHeaders.parseExtensions(Arrays.asList(lines));
    }

    private static ExtensionOffer offer(String name, Parameter... parameters) {
        return ExtensionOffer.of(name, parameters);
    }

    private static Parameter p(String name, String value) {
        return new Parameter(name, value);
    }

    @Test
    void aBrowsersOffer() throws HandshakeException {
        assertEquals(
                List.of(offer("permessage-deflate", p("client_max_window_bits", null))),
                parse("permessage-deflate; client_max_window_bits"));
    }

    @Test
    void severalOffersOfOneExtensionKeepTheirOrder() throws HandshakeException {
        assertEquals(
                List.of(
                        offer("permessage-deflate", p("client_max_window_bits", "10"),
                                p("server_no_context_takeover", null)),
                        offer("permessage-deflate", p("client_max_window_bits", null)),
                        offer("x-webkit-deflate-frame")),
                parse("permessage-deflate; client_max_window_bits=10; server_no_context_takeover, "
                        + "permessage-deflate; client_max_window_bits, x-webkit-deflate-frame"));
    }

    @Test
    void severalHeaderLinesReadAsOneList() throws HandshakeException {
        assertEquals(
                List.of(offer("a"), offer("b", p("x", "1")), offer("c")),
                parse("a", "b;x=1, c"));
    }

    @Test
    void absentHeaderIsAnEmptyList() throws HandshakeException {
        assertEquals(List.of(), HandshakeHeaders.parseExtensions(null));
        assertEquals(List.of(), parse());
        assertEquals(List.of(), parse("", "  ", ",", " , ,"));
        assertEquals(List.of(offer("a")), parse(null, "a"));
    }

    @Test
    void emptyElementsAndTrailingCommasAreTolerated() throws HandshakeException {
        assertEquals(List.of(offer("a"), offer("b")), parse(",, a ,,, b ,"));
    }

    @Test
    void whitespaceAroundEverySeparator() throws HandshakeException {
        assertEquals(
                List.of(offer("foo", p("a", "1"), p("b", null)), offer("bar", p("c", "xy"))),
                parse(" \tfoo \t; a = 1 ;\tb\t,\t bar ; c = \"xy\" \t"));
    }

    @Test
    void caseIsKeptAsWritten() throws HandshakeException {
        assertEquals(
                List.of(offer("PerMessage-Deflate", p("Client_Max_Window_Bits", "ABC"))),
                parse("PerMessage-Deflate; Client_Max_Window_Bits=ABC"));
    }

    @Test
    void quotedValuesAreUnquoted() throws HandshakeException {
        assertEquals(
                List.of(offer("foo", p("a", "10"), p("b", "x.y"), p("c", "ab"))),
                parse("foo; a=\"10\"; b=\"x.y\"; c=\"a\\b\""));
    }

    @Test
    void everyTokenCharacterIsAllowed() throws HandshakeException {
        String allTokenChars = "!#$%&'*+-.^_`|~09azAZ";
        assertEquals(
                List.of(offer(allTokenChars, p(allTokenChars, allTokenChars))),
                parse(allTokenChars + ";" + allTokenChars + "=" + allTokenChars));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`foo; a=\"x, y\"`              | quoted value of parameter a is not a token at index 7",
        "`foo; a=\"x;y\", bar`          | quoted value of parameter a is not a token at index 7",
        "`foo; a=\"\"`                  | quoted value of parameter a is not a token at index 7",
        "`foo; a=\"x\\\"y\"`            | quoted value of parameter a is not a token at index 7",
        "`permessage-deflate; a=\"1, b` | unterminated quoted string at index 22",
        "`foo; a=\"1\\`                 | unterminated quoted string at index 7",
        "`; a=1`                        | expected an extension name but found ';' at index 0",
        "`foo, ; a=1`                   | expected an extension name but found ';' at index 5",
        "`foo;`                         | expected a parameter name but found end of value at index 4",
        "`foo; ;b`                      | expected a parameter name but found ';' at index 5",
        "`foo; =1`                      | expected a parameter name but found '=' at index 5",
        "`foo; a=`                      | expected a value for parameter a but found end of value at index 7",
        "`foo; a=,bar`                  | expected a value for parameter a but found ',' at index 7",
        "`foo; a=1=2`                   | expected ',' or ';' but found '=' at index 8",
        "`foo; a=\"1\"2`                | expected ',' or ';' but found '2' at index 10",
        "`foo bar`                      | expected ',' or ';' but found 'b' at index 4",
        "`foo; a b`                     | expected ',' or ';' but found 'b' at index 7",
        "`foo/1`                        | expected ',' or ';' but found '/' at index 3",
        "`foo; a=x/y`                   | expected ',' or ';' but found '/' at index 8",
        "`\"foo\"`                      | expected an extension name but found '\"' at index 0",
        "`foo; a=b\r`                   | expected ',' or ';' but found character 0x0D at index 8",
    })
    void syntaxErrorsSayWhatAndWhere(String value, String problem) {
        HandshakeException e = assertThrows(HandshakeException.class, () -> parse(value));
        assertEquals("Sec-WebSocket-Extensions: " + problem, e.getMessage());
    }

    @Test
    void anErrorInOneOfSeveralLinesNamesTheLine() {
        HandshakeException e = assertThrows(HandshakeException.class, () -> parse("a", "b; c=\"d"));
        assertEquals("Sec-WebSocket-Extensions: unterminated quoted string at index 5 of header line 2",
                e.getMessage());
    }

    @Test
    void aControlCharacterInAQuotedStringIsRejected() {
        HandshakeException e = assertThrows(HandshakeException.class, () -> parse("foo; a=\"x\u0001\""));
        assertEquals("Sec-WebSocket-Extensions: invalid character 0x01 in quoted string at index 9",
                e.getMessage());
    }
}
