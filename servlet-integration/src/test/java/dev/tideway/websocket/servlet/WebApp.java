package dev.tideway.websocket.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A web application as the Jakarta tests deploy it: the classes the container hands Tideway's initializer
 * (as if its annotation scan had found them), context parameters, filters mapped to every path before
 * Tideway's own, listeners declared as a deployment descriptor would (by class, instantiated by the
 * container after the initializers ran), and a {@link PlainServlet} as the default servlet.
 *
 * @param contextPath    "" for the root context, else "/name"
 * @param classes        what the initializer's {@code @HandlesTypes} scan would have found
 * @param initParameters context parameters
 * @param filters        filters by name, in mapping order, each on {@code /*}
 * @param listeners      listener classes, each with a public no-argument constructor
 */
record WebApp(String contextPath, Set<Class<?>> classes, Map<String, String> initParameters,
              Map<String, Filter> filters, List<Class<? extends ServletContextListener>> listeners) {

    WebApp {
        classes = Set.copyOf(classes);
        initParameters = Map.copyOf(initParameters);
        filters = new LinkedHashMap<>(filters);
        listeners = List.copyOf(listeners);
    }

    /** A root application whose initializer is handed {@code classes}. */
    static WebApp of(Class<?>... classes) {
        return new WebApp("", new LinkedHashSet<>(List.of(classes)), Map.of(), Map.of(), List.of());
    }

    WebApp atContextPath(String path) {
        return new WebApp(path, classes, initParameters, filters, listeners);
    }

    WebApp withInitParameter(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(initParameters);
        more.put(name, value);
        return new WebApp(contextPath, classes, more, filters, listeners);
    }

    WebApp withFilter(String name, Filter filter) {
        Map<String, Filter> more = new LinkedHashMap<>(filters);
        more.put(name, filter);
        return new WebApp(contextPath, classes, initParameters, more, listeners);
    }

    WebApp withListener(Class<? extends ServletContextListener> listener) {
        List<Class<? extends ServletContextListener>> more = new ArrayList<>(listeners);
        more.add(listener);
        return new WebApp(contextPath, classes, initParameters, filters, more);
    }
}
