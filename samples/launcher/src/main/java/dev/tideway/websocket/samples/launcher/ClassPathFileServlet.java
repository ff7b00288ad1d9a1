package dev.tideway.websocket.samples.launcher;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the files of one class path folder at the context root, the same way in both containers (an
 * embedded Tomcat context has no default servlet or MIME table of its own). {@code /} is the folder's
 * {@code index.html}; anything else that is not a file of the folder is 404.
 */
final class ClassPathFileServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String INDEX = "index.html";
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "json", "application/json",
            "txt", "text/plain;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    private final String folder;

    /** Serves the files under the class path folder {@code folder} ({@code static} or {@code /static/}). */
    ClassPathFileServlet(String folder) {
        this.folder = folder.replaceAll("^/+|/+$", "");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        URL file = find(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(contentType(file.getPath()));
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    /** The file for a request path, or null: no path climbs out of the folder or names a directory. */
    private URL find(String path) {
        String name = path.isEmpty() || path.endsWith("/") ? path + INDEX : path;
        if (name.contains("..") || name.contains("//") || name.contains("\\")) {
            return null;
        }
        URL url = ClassPathFileServlet.class.getClassLoader().getResource(folder + name);
        return url == null || isDirectory(url) ? null : url;
    }

    // A jar has no entry for "folder/sub" when only "folder/sub/" exists, but a class path directory does.
    private static boolean isDirectory(URL url) {
        try {
            return "file".equals(url.getProtocol()) && Files.isDirectory(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            return true;
        }
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
