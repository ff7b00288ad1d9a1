package dev.tideway.websocket.servlet;

import jakarta.servlet.Filter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * Embedded Tomcat 11 running a {@link WebApp}: the initializer is added to the context with the app's
 * classes, as Tomcat's own scan would; listeners are declared by class name, as a deployment descriptor
 * declares them. A context whose start fails is left FAILED by Tomcat while the server runs on.
 */
final class TomcatAppHarness implements AppHarness {
    private Tomcat tomcat;
    private Context context;
    private Connector plain;
    private Connector tls;

    @Override
    public void start(WebApp app, TlsMaterial material) throws Exception {
        Path base = Files.createDirectories(Path.of("target", "tomcat-apps-" + ProcessHandle.current().pid()));
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toAbsolutePath().toString());
        plain = connector();
        tomcat.setConnector(plain);
        tls = tlsConnector(material);
        tomcat.getService().addConnector(tls);

        // sessions expire within about a second of their timeout (by default Tomcat looks every 6th
        // background run, 10 s apart): the HTTP session tests wait for that
        tomcat.getEngine().setBackgroundProcessorDelay(1);
        context = tomcat.addContext(app.contextPath(), null);
        StandardManager sessions = new StandardManager();
        sessions.setProcessExpiresFrequency(1);
        sessions.setPathname(null); // no session persistence across restarts
        context.setManager(sessions);
        context.addServletContainerInitializer(new TidewayServletContainerInitializer(), app.classes());
        app.initParameters().forEach(context::addParameter);
        for (Class<?> listener : app.listeners()) {
            context.addApplicationListener(listener.getName());
        }
        for (Map.Entry<String, Filter> filter : app.filters().entrySet()) {
            addFilter(filter.getKey(), filter.getValue());
        }
        Wrapper wrapper = Tomcat.addServlet(context, "default", new PlainServlet());
        wrapper.setAsyncSupported(true);
        wrapper.addMapping("/");
        tomcat.start();
    }

    private void addFilter(String name, Filter filter) {
        FilterDef definition = new FilterDef();
        definition.setFilterName(name);
        definition.setFilter(filter);
        definition.setAsyncSupported("true");
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName(name);
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
    }

    private static Connector connector() {
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        return connector;
    }

    private static Connector tlsConnector(TlsMaterial material) {
        Connector connector = connector();
        connector.setSecure(true);
        connector.setScheme("https");
        connector.setProperty("SSLEnabled", "true");
        SSLHostConfig hostConfig = new SSLHostConfig();
        SSLHostConfigCertificate certificate =
                new SSLHostConfigCertificate(hostConfig, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(material.keystore().toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(TlsMaterial.PASSWORD);
        certificate.setCertificateKeystoreType("PKCS12");
        hostConfig.addCertificate(certificate);
        connector.addSslHostConfig(hostConfig);
        return connector;
    }

    @Override
    public boolean applicationAvailable() {
        return context != null && context.getState().isAvailable();
    }

    @Override
    public void stopApplication() throws Exception {
        context.stop();
    }

    @Override
    public int port(Scheme scheme) {
        return (scheme == Scheme.TLS ? tls : plain).getLocalPort();
    }

    @Override
    public String contextPath() {
        return context.getPath();
    }

    @Override
    public void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
