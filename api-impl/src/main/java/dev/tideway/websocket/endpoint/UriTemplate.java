package dev.tideway.websocket.endpoint;

import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A server endpoint path: a relative URI or a level-1 URI template such as {@code /chat/{room}} (Jakarta WebSocket
 * §3.1.1, §4.1.1).
 *
 * <p>A path is split on '/' after its leading '/': {@code /a/b} has the segments "a" and "b", {@code /a/b/} has "a",
 * "b" and "" (a trailing slash is significant: the spec's {@code /a/b/} matches only {@code /a/b/}), and {@code /}
 * has the one segment "". Rules checked by {@link #parse}: the path starts with '/'; only the last segment may be
 * empty (no {@code //}); no {@code .} or {@code ..} segment; literal segments hold only URI path characters
 * (RFC 3986 {@code pchar}); a variable {@code {name}} is a whole segment, its name made of letters, digits, '_', '-'
 * and '.'; no name is used twice.
 *
 * <p>Segments are compared verbatim: {@link #match} neither decodes percent-escapes nor normalises the path; the
 * caller passes the path in the form it wants compared and wants parameters in.
 */
public final class UriTemplate {
    private final String template;
    private final List<Segment> segments;
    private final List<String> variableNames;

    private UriTemplate(String template, List<Segment> segments, List<String> variableNames) {
        this.template = template;
        this.segments = segments;
        this.variableNames = variableNames;
    }

    /**
     * One path segment: literal text, or a variable that matches any one non-empty segment.
     *
     * @param text     the literal text, or the variable name without braces
     * @param variable true for a variable
     */
    public record Segment(String text, boolean variable) {
    }

    /**
     * Parses and validates an endpoint path.
     *
     * @throws DeploymentException naming the path and the rule it breaks
     */
    public static UriTemplate parse(String template) throws DeploymentException {
        if (template == null || !template.startsWith("/")) {
            throw invalid(template, "it must start with '/'");
        }
        String[] parts = splitPath(template);
        List<Segment> segments = new ArrayList<>(parts.length);
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() && i < parts.length - 1) {
                throw invalid(template, "empty segments ('//') are not allowed");
            }
            if (part.equals(".") || part.equals("..")) {
                throw invalid(template, "the segments '.' and '..' are not allowed");
            }
            if (part.startsWith("{") && part.endsWith("}") && part.length() >= 2) {
                String name = part.substring(1, part.length() - 1);
                checkVariableName(template, name);
                if (!seen.add(name)) {
                    throw invalid(template, "the variable {" + name + "} is used more than once");
                }
                names.add(name);
                segments.add(new Segment(name, true));
            } else {
                checkLiteral(template, part);
                segments.add(new Segment(part, false));
            }
        }
        return new UriTemplate(template, List.copyOf(segments), List.copyOf(names));
    }

    /**
     * The segments of a path as this class counts them, or null if the path does not start with '/'.
     */
    public static String[] splitPath(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        return path.substring(1).split("/", -1);
    }

    /**
     * Matches a request path: same number of segments, literal segments equal, each variable one non-empty segment.
     *
     * @return the variable values by name in template order (empty for a literal path), or null if it does not match
     */
    public Map<String, String> match(String path) {
        String[] parts = splitPath(path);
        return parts == null ? null : matchSegments(parts);
    }

    /** {@link #match(String)} for a path already split with {@link #splitPath}. */
    public Map<String, String> matchSegments(String[] parts) {
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> values = variableNames.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            Segment segment = segments.get(i);
            if (segment.variable()) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                values.put(segment.text(), parts[i]);
            } else if (!segment.text().equals(parts[i])) {
                return null;
            }
        }
        return values.isEmpty() ? values : Collections.unmodifiableMap(values);
    }

    /** The path as written. */
    public String template() {
        return template;
    }

    /** The segments in order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The variable names in order of appearance. */
    public List<String> variableNames() {
        return variableNames;
    }

    /** True when the path has no variables (a relative URI). */
    public boolean isLiteral() {
        return variableNames.isEmpty();
    }

    /**
     * The path with every variable name erased, e.g. {@code /a/{}/c}: two templates are equivalent (§3.1.1: an
     * application may not contain both) exactly when their shapes are equal.
     */
    public String shape() {
        StringBuilder shape = new StringBuilder();
        for (Segment segment : segments) {
            shape.append('/').append(segment.variable() ? "{}" : segment.text());
        }
        return shape.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UriTemplate that && template.equals(that.template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }

    private static void checkVariableName(String template, String name) throws DeploymentException {
        boolean valid = !name.isEmpty();
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = isAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
        }
        if (!valid) {
            throw invalid(template, "'{" + name + "}' is not a valid variable name (use letters, digits, '_', '-'"
                    + " and '.')");
        }
    }

    private static void checkLiteral(String template, String segment) throws DeploymentException {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '{' || c == '}') {
                throw invalid(template, "a variable must be a whole segment, but the segment '" + segment
                        + "' mixes it with other text");
            }
            if (c == '%') {
                if (i + 2 >= segment.length() || !isHex(segment.charAt(i + 1)) || !isHex(segment.charAt(i + 2))) {
                    throw invalid(template, "'%' in the segment '" + segment + "' does not start a %XX escape");
                }
                i += 2;
            } else if (!isPathChar(c)) {
                throw invalid(template, "the character '" + c + "' is not allowed in a path segment");
            }
        }
    }

    /** RFC 3986 pchar without pct-encoded: unreserved, sub-delims, ':' and '@'. */
    private static boolean isPathChar(char c) {
        return isAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static DeploymentException invalid(String template, String rule) {
        return new DeploymentException("Invalid endpoint path '" + template + "': " + rule);
    }
}
