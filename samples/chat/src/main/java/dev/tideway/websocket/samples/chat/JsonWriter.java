package dev.tideway.websocket.samples.chat;

import java.util.List;

/**
 * Writes the flat JSON objects the chat sends: members whose values are strings or lists of strings, in
 * the order they are added.
 *
 * <pre>{@code
 * String json = new JsonWriter().field("type", "said").field("text", text).toJson();
 * }</pre>
 */
final class JsonWriter {
    private final StringBuilder json = new StringBuilder("{");

    /** Adds a string member. */
    JsonWriter field(String name, String value) {
        separate(name);
        quote(value, json);
        return this;
    }

    /** Adds a member whose value is an array of strings. */
    JsonWriter field(String name, List<String> values) {
        separate(name);
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(values.get(i), json);
        }
        json.append(']');
        return this;
    }

    /** The object written so far. */
    String toJson() {
        return json + "}";
    }

    private void separate(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        quote(name, json);
        json.append(':');
    }

    /**
     * Appends {@code value} as a JSON string. Besides what JSON requires ({@code "}, {@code \}, control
     * characters), it escapes U+2028 and U+2029 (line ends to JavaScript source) and lone surrogates, which
     * have no UTF-8 form: the text goes out valid UTF-8 and reads back the same.
     */
    static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }
}
