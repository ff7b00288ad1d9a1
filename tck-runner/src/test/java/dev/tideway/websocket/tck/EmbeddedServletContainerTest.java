package dev.tideway.websocket.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter on the container that {@code arquillian.launch} names (the pom runs this class once per
 * container): archives are deployed at their name, Tideway's initializer deploys exactly the archive's
 * endpoints, and an application that fails to deploy still yields its URL and answers nothing.
 */
@ExtendWith(ArquillianExtension.class)
class EmbeddedServletContainerTest {
    @Deployment(name = "echo", testable = false)
    static WebArchive echo() {
        return ShrinkWrap.create(WebArchive.class, "adapter_echo.war")
                .addClasses(AnnotatedEchoEndpoint.class, ProgrammaticEchoEndpoint.class, ProgrammaticConfig.class);
    }

    @Deployment(name = "clash", testable = false)
    static WebArchive clash() {
        return ShrinkWrap.create(WebArchive.class, "adapter_clash.war")
                .addClasses(ClashingEndpoints.class, ClashingEndpoints.First.class, ClashingEndpoints.Second.class);
    }

    @Test
    void theContextRootIsTheArchiveName(@ArquillianResource @OperateOnDeployment("echo") URL echo) {
        assertEquals("/adapter_echo/", echo.getPath());
    }

    @Test
    void anAnnotatedEndpointAnswers(@ArquillianResource @OperateOnDeployment("echo") URL echo) throws Exception {
        try (TextClient client = TextClient.connect(echo, "annotated")) {
            assertEquals("annotated:hello", client.ask("hello"));
        }
    }

    @Test
    void aProgrammaticEndpointAnswers(@ArquillianResource @OperateOnDeployment("echo") URL echo) throws Exception {
        try (TextClient client = TextClient.connect(echo, "programmatic")) {
            assertEquals("programmatic:hello", client.ask("hello"));
        }
    }

    @Test
    void endpointsAreLoadedByTheWebApplication(@ArquillianResource @OperateOnDeployment("echo") URL echo)
            throws Exception {
        try (TextClient client = TextClient.connect(echo, "annotated")) {
            assertNotEquals(ClassLoader.getSystemClassLoader().getClass().getName(),
                    client.ask(AnnotatedEchoEndpoint.LOADER_QUERY));
        }
    }

    @Test
    void theDefaultServletAnswersPlainRequests(@ArquillianResource @OperateOnDeployment("echo") URL echo)
            throws Exception {
        assertEquals(404, statusOf(new URL(echo, "no-such-file")));
    }

    @Test
    void aFailedApplicationAnswersNothing(@ArquillianResource @OperateOnDeployment("clash") URL clash) {
        assertEquals("/adapter_clash/", clash.getPath());
        assertThrows(DeploymentException.class, () -> TextClient.connect(clash, "clash").close());
    }

    private static int statusOf(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
