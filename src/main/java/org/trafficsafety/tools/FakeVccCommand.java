package org.trafficsafety.tools;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.vccserver.DemoFeed;
import org.trafficsafety.simulation.vccserver.FakeVccServer;
import org.trafficsafety.simulation.vccserver.SimulatorVccBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsi fake-vcc}: a local stand-in for the VCC Public API with a small built-in feed, to try the client on. */
@Command(name = "fake-vcc", mixinStandardHelpOptions = true,
        description = "Run a fake VCC Public API v3.1 (REST + WebSocket) on 127.0.0.1 with a small built-in feed"
                + " at intersection 156, until Ctrl-C.")
public final class FakeVccCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8081", description = "TCP port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--client-id", defaultValue = "demo", description = "Accepted client id. Default: ${DEFAULT-VALUE}")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "demo-secret", description = "Accepted client secret. Default: ${DEFAULT-VALUE}")
    String clientSecret;

    @Option(names = "--token-lifetime", defaultValue = "PT1H", description = "Lifetime of issued tokens (ISO-8601). Default: ${DEFAULT-VALUE}")
    Duration tokenLifetime;

    @Option(names = "--replay", defaultValue = "0", description = "Messages of each stream resent to a socket when it connects. Default: ${DEFAULT-VALUE}")
    int replay;

    /** A running fake server with its demo feed; closing stops both. */
    record Running(FakeVccServer server, SimulatorVccBridge feed) implements AutoCloseable {
        @Override
        public void close() {
            feed.close();
            server.close();
        }
    }

    /** Starts the server and its built-in feed as the options say. */
    Running open() {
        FakeVccServer.Config config = new FakeVccServer.Config(clientId, clientSecret, tokenLifetime,
                Duration.ofMillis(500), Duration.ofSeconds(5));
        FakeVccServer server = new FakeVccServer(config, port, Optional.of(new VccEncoder()), InstantSource.system());
        server.replayOnConnect(replay);
        SimulatorVccBridge feed = new SimulatorVccBridge(new DemoFeed(InstantSource.system(), Duration.ofMillis(500)),
                server);
        feed.start();
        return new Running(server, feed);
    }

    @Override
    public Integer call() throws InterruptedException {
        Running running = open();
        FakeVccServer server = running.server();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "fake-vcc-shutdown"));
        System.out.printf("fake VCC API on %s (client id '%s'); try the client with:%n", server.baseUrl(), clientId);
        System.out.printf("  DATA_SOURCE=vcc VCC_BASE_URL=%s VCC_CLIENT_ID=%s VCC_CLIENT_SECRET=%s VCC_MODE=stream%n",
                server.baseUrl(), clientId, clientSecret);
        System.out.println("Ctrl-C stops it.");
        stopped.await();
        return 0;
    }
}
