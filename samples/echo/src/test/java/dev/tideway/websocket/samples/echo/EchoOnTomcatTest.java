package dev.tideway.websocket.samples.echo;

import dev.tideway.websocket.samples.launcher.ContainerKind;

class EchoOnTomcatTest extends EchoSampleContract {
    EchoOnTomcatTest() {
        super(ContainerKind.TOMCAT);
    }
}
