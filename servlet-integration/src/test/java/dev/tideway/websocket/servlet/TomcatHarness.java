package dev.tideway.websocket.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/** Embedded Tomcat 11 (tomcat-embed-core only: no Tomcat WebSocket on the class path). */
final class TomcatHarness implements ContainerHarness {
    private Tomcat tomcat;
    private Connector plain;
    private Connector tls;

    @Override
    public void start(Filter filter, HttpServlet servlet, TlsMaterial material) throws Exception {
        Path base = Files.createDirectories(Path.of("target", "tomcat-" + ProcessHandle.current().pid()));
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toAbsolutePath().toString());
        plain = connector();
        tomcat.setConnector(plain);
        tls = connector();
        tls.setSecure(true);
        tls.setScheme("https");
        tls.setProperty("SSLEnabled", "true");
        SSLHostConfig hostConfig = new SSLHostConfig();
        SSLHostConfigCertificate certificate =
                new SSLHostConfigCertificate(hostConfig, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(material.keystore().toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(TlsMaterial.PASSWORD);
        certificate.setCertificateKeystoreType("PKCS12");
        hostConfig.addCertificate(certificate);
        tls.addSslHostConfig(hostConfig);
        tomcat.getService().addConnector(tls);

        Context context = tomcat.addContext("", null);
        Wrapper wrapper = Tomcat.addServlet(context, "default", servlet);
        wrapper.setAsyncSupported(true);
        wrapper.addMapping("/");
        FilterDef filterDef = new FilterDef();
        filterDef.setFilterName("upgrade");
        filterDef.setFilter(filter);
        filterDef.setAsyncSupported("true");
        context.addFilterDef(filterDef);
        FilterMap filterMap = new FilterMap();
        filterMap.setFilterName("upgrade");
        filterMap.addURLPattern("/*");
        context.addFilterMap(filterMap);
        tomcat.start();
    }

    private static Connector connector() {
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        return connector;
    }

    @Override
    public int port(Scheme scheme) {
        return (scheme == Scheme.TLS ? tls : plain).getLocalPort();
    }

    @Override
    public String name() {
        return "Tomcat";
    }

    @Override
    public void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
