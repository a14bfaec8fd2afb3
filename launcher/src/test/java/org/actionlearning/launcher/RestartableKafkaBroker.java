package org.actionlearning.launcher;

import java.nio.file.Path;

/**
 * For fault tests: the launcher's in-process KRaft broker ({@link EmbeddedKafkaBroker}, package-private) on a fixed
 * port and data directory, which can be stopped and started again; a restart finds its topics and offsets.
 */
public final class RestartableKafkaBroker implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private EmbeddedKafkaBroker broker;

    public RestartableKafkaBroker(Path dataDirectory, int port, int controllerPort, int partitions) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    public synchronized void start() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker(dataDirectory, port, controllerPort, partitions);
        }
    }

    /** A controlled shutdown of the broker; clients see it gone until {@link #start()}. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public synchronized boolean isRunning() {
        return broker != null;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
