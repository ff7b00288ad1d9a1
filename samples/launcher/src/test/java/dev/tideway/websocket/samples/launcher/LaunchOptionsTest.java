package dev.tideway.websocket.samples.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void noArgumentsMeansLocalhostPort8080OnTomcat() {
        assertEquals(new LaunchOptions("localhost", 8080, ContainerKind.TOMCAT, false), LaunchOptions.parse());
    }

    @Test
    void everyOptionTakesTheNextArgument() {
        assertEquals(new LaunchOptions("0.0.0.0", 9000, ContainerKind.JETTY, false),
                LaunchOptions.parse("--port", "9000", "--container", "jetty", "--host", "0.0.0.0"));
    }

    @Test
    void everyOptionTakesAValueAfterEquals() {
        assertEquals(new LaunchOptions("127.0.0.1", 0, ContainerKind.JETTY, false),
                LaunchOptions.parse("--port=0", "--container=jetty", "--host=127.0.0.1"));
    }

    @Test
    void theLastOfARepeatedOptionWins() {
        assertEquals(9001, LaunchOptions.parse("--port", "9000", "--port", "9001").port());
    }

    @Test
    void helpAsksForTheUsageWhereverItStands() {
        assertTrue(LaunchOptions.parse("--help").help());
        assertTrue(LaunchOptions.parse("--port", "9000", "-h", "--bogus").help());
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertEquals("Unknown option '--prot'", rejected("--prot", "9000"));
        assertEquals("Unknown option '9000'", rejected("9000"));
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertEquals("Option --port needs a value", rejected("--port"));
        assertEquals("Option --container needs a value", rejected("--host", "h", "--container"));
    }

    @Test
    void aBadPortSaysWhatAPortIs() {
        assertEquals("Bad port 'eighty': use a number from 0 to 65535", rejected("--port", "eighty"));
        assertEquals("Bad port '65536': use a number from 0 to 65535", rejected("--port=65536"));
        assertEquals("Bad port '-1': use a number from 0 to 65535", rejected("--port", "-1"));
    }

    @Test
    void aBadContainerListsTheChoices() {
        assertEquals("Unknown container 'undertow': use one of tomcat|jetty", rejected("--container", "undertow"));
        assertEquals("Unknown container 'Tomcat': use one of tomcat|jetty", rejected("--container", "Tomcat"));
    }

    @Test
    void anEmptyHostIsRejected() {
        assertEquals("Option --host needs a host name or address", rejected("--host="));
    }

    @Test
    void theUsageNamesTheCommandAndEveryOption() {
        assertEquals("""
                Usage: java -jar tideway-chat.jar [--port N] [--container tomcat|jetty] [--host H]
                  --port N       port to listen on (default 8080; 0 picks a free one)
                  --container C  servlet container: tomcat|jetty (default tomcat)
                  --host H       host name or address to listen on (default localhost)
                  --help         print this text""", LaunchOptions.usage("java -jar tideway-chat.jar"));
    }

    private static String rejected(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(args)).getMessage();
    }
}
