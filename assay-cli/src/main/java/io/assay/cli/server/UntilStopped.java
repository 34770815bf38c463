package io.assay.cli.server;

import java.util.concurrent.CountDownLatch;

/** Keeps a server command running until the process is told to stop (Ctrl-C, SIGTERM), then closes what it runs. */
final class UntilStopped {
    private UntilStopped() {}

    static void run(AutoCloseable app, String threadName) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } catch (Exception e) {
                System.err.println("assay: stopping failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, threadName));
        stopped.await();
    }
}
