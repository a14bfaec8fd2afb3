package org.actionlearning.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.SynchronousQueue;

/**
 * What the kernel charges on this machine, measured before the steps: a system call (a 1-byte write to /dev/null)
 * and a round trip between two threads (through a SynchronousQueue: two hand-offs, which may spin before they park).
 * The pipeline pays both many times per command (HTTP, JDBC and Kafka round trips over loopback, thread pools), so
 * where they are dear every figure is slower; this gives machines something to be compared by.
 */
public record SystemCallCost(double writeMicros, double handOffMicros) {

    public static SystemCallCost measure() {
        return new SystemCallCost(median(SystemCallCost::writes), median(SystemCallCost::handOffs));
    }

    /** The median of five rounds, after one unmeasured (JIT) round. */
    private static double median(java.util.function.DoubleSupplier round) {
        round.getAsDouble();
        double[] rounds = new double[5];
        for (int i = 0; i < rounds.length; i++) {
            rounds[i] = round.getAsDouble();
        }
        Arrays.sort(rounds);
        return rounds[2];
    }

    private static double writes() {
        int calls = 20_000;
        try (FileChannel devNull = FileChannel.open(Path.of("/dev/null"), StandardOpenOption.WRITE)) {
            ByteBuffer oneByte = ByteBuffer.allocateDirect(1);
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                oneByte.clear();
                devNull.write(oneByte);
            }
            return (System.nanoTime() - start) / 1e3 / calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double handOffs() {
        int roundTrips = 5_000;
        SynchronousQueue<Integer> there = new SynchronousQueue<>();
        SynchronousQueue<Integer> back = new SynchronousQueue<>();
        Thread echo = new Thread(() -> {
            try {
                for (int i = 0; i < roundTrips; i++) {
                    back.put(there.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        echo.start();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < roundTrips; i++) {
                there.put(i);
                back.take();
            }
            echo.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (System.nanoTime() - start) / 1e3 / roundTrips;
    }
}
