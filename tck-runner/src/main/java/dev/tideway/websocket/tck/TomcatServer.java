package dev.tideway.websocket.tck;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Embedded Tomcat 11 from {@code tomcat-embed-core} alone: Tomcat's own WebSocket implementation is not
 * there, so the only {@code ServletContainerInitializer} for WebSocket endpoints is Tideway's.
 */
final class TomcatServer implements EmbeddedServer {
    private final Tomcat tomcat = new Tomcat();
    private Connector connector;

    @Override
    public void start(String host, Path workDirectory) throws Exception {
        tomcat.setBaseDir(Files.createDirectories(workDirectory).toAbsolutePath().toString());
        connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", host);
        tomcat.setConnector(connector);
        Host server = tomcat.getHost();
        server.setAutoDeploy(false);
        server.setDeployOnStartup(false);
        tomcat.start();
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public boolean deploy(String contextPath, Path directory, ClassLoader parent) {
        StandardContext context = new StandardContext();
        context.setName(contextPath);
        context.setPath(contextPath);
        context.setDocBase(directory.toAbsolutePath().toString());
        context.setParentClassLoader(parent);
        context.setJarScanner(webApplicationOnlyScanner());
        ContextConfig config = new ContextConfig();
        // Tomcat's conf/web.xml would add the JSP servlet; the default servlet is added below instead.
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        context.addLifecycleListener(config);
        addDefaultServlet(context);
        tomcat.getHost().addChild(context);
        return context.getState() == LifecycleState.STARTED;
    }

    /**
     * Scans {@code WEB-INF/lib} but not the class path of the JVM: that holds the TCK jar, whose hundreds
     * of endpoints would otherwise be deployed in every application.
     */
    private static StandardJarScanner webApplicationOnlyScanner() {
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        return scanner;
    }

    /**
     * Maps the default servlet to {@code /} as {@code conf/web.xml} would: Tomcat runs a request through
     * the filter chain, and so through Tideway's upgrade filter, only when some servlet is mapped to it.
     */
    private static void addDefaultServlet(Context context) {
        Wrapper wrapper = context.createWrapper();
        wrapper.setName("default");
        wrapper.setServletClass(DefaultServlet.class.getName());
        wrapper.setLoadOnStartup(1);
        context.addChild(wrapper);
        context.addServletMappingDecoded("/", "default");
    }

    @Override
    public void undeploy(String contextPath) {
        Container context = tomcat.getHost().findChild(contextPath);
        if (context != null) {
            tomcat.getHost().removeChild(context);
        }
    }

    @Override
    public void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
