package org.trafficsafety.tools;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.trafficsafety.TrafficSafetyApplication;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tsi serve}: runs the service until Ctrl-C / SIGTERM, configured from environment variables. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service (API, collector, jobs) configured from environment variables; see docs/operations.md.")
public final class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        SpringApplication application = new SpringApplication(TrafficSafetyApplication.class);
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        ConfigurableApplicationContext context;
        try {
            context = application.run();
        } catch (RuntimeException startupFailure) {
            Throwable cause = startupFailure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("tsi serve: startup failed: " + cause.getMessage());
            return 1;
        }
        if (context.isActive()) {
            closed.await();
        }
        return 0;
    }
}
