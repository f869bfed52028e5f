package org.trafficsafety.tools;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.trafficsafety.TrafficSafetyApplication;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.simulation.SimulatorSource;
import org.trafficsafety.simulation.TrafficSimulator;
import org.trafficsafety.simulation.vccserver.FakeVccServer;
import org.trafficsafety.simulation.vccserver.SimulatorVccBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi demo} (started by {@code ./tsi demo} once the private PostgreSQL runs and DB_* point at it): the built-in
 * simulator publishes into a fake VCC server on a free loopback port, and the service runs with the collector on,
 * reading that server through the real VCC stream client — the production path end to end. Rows appear in
 * PostgreSQL, Parquet under ./var/parquet, objects under ./var/bucket; /health shows the collector. Ctrl-C stops
 * everything, flushing the collector first.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the simulator -> fake VCC server -> VCC client -> collector chain with the API (use ./tsi demo).")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--speed", defaultValue = "1", description = "simulated seconds per real second (default ${DEFAULT-VALUE})")
    double speed;

    @Override
    public Integer call() throws InterruptedException {
        String secret = UUID.randomUUID().toString();
        FakeVccServer vcc = new FakeVccServer(FakeVccServer.Config.defaults("demo", secret), 0, Optional.of(new VccEncoder()),
                InstantSource.system());
        SimulatorVccBridge bridge = new SimulatorVccBridge(new SimulatorSource(new TrafficSimulator(SimulationConfig.defaults()),
                InstantSource.system(), speed, null, 100, null), vcc);
        bridge.start();

        CountDownLatch closed = new CountDownLatch(1);
        SpringApplication application = new SpringApplication(TrafficSafetyApplication.class);
        // paths default to ./var unless the environment says otherwise; the source chain is the demo's own
        application.setDefaultProperties(Map.of("PARQUET_STORAGE_PATH", "./var/parquet", "ARCHIVE_DIR", "./var/bucket",
                "SPOOL_DIR", "./var/spool"));
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        ConfigurableApplicationContext context;
        try {
            context = application.run("--COLLECTOR_ENABLED=true", "--DATA_SOURCE=vcc", "--VCC_MODE=stream",
                    "--VCC_BASE_URL=" + vcc.baseUrl(), "--VCC_CLIENT_ID=demo", "--VCC_CLIENT_SECRET=" + secret);
        } catch (RuntimeException startupFailure) {
            Throwable cause = startupFailure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("tsi demo: startup failed: " + cause.getMessage());
            bridge.close();
            vcc.close();
            return 1;
        }
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        System.out.printf("tsi demo: simulator -> fake VCC server %s -> VCC stream client -> collector%n", vcc.baseUrl());
        System.out.printf("tsi demo: API and dashboard on http://localhost:%s (health: /health, metrics: /actuator/prometheus)%n", port);
        System.out.println("tsi demo: Parquet under ./var/parquet, archive under ./var/bucket, spools under ./var/spool; Ctrl-C stops");
        try {
            if (context.isActive()) {
                closed.await();
            }
        } finally {
            bridge.close();
            vcc.close();
        }
        return 0;
    }
}
