package com.chatforyou.adapter.media.kurento;

import com.chatforyou.adapter.media.ReportedLoad;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kurento.client.KurentoClient;
import org.kurento.client.ServerManager;

/**
 * KMS's own account of its load, from its ServerManager (getUsedCpu, getUsedMemory, getPipelines),
 * taken in the background so that health and placement never wait for KMS.
 */
final class KmsLoadSampler implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KmsLoadSampler.class.getName());
    /** getUsedCpu measures over this long, and KMS answers after it. */
    private static final int CPU_WINDOW_MILLIS = 1000;

    private final KmsConnection connection;
    private volatile ReportedLoad last = ReportedLoad.NONE;
    private ScheduledExecutorService timer;

    KmsLoadSampler(KmsConnection connection) {
        this.connection = connection;
    }

    synchronized void start(Duration every) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kms-load");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    ReportedLoad last() {
        return last;
    }

    private void sample() {
        if (!connection.isConnected()) {
            last = ReportedLoad.NONE;
            return;
        }
        try {
            KurentoClient client = connection.requireClient();
            ServerManager manager = client.getServerManager();
            double cpu = manager.getUsedCpu(CPU_WINDOW_MILLIS);
            long memory = manager.getUsedMemory();
            int pipelines = manager.getPipelines().size();
            connection.requestAnswered();
            last = new ReportedLoad(null, pipelines, cpu, memory, Map.of("kmsUsedCpuPercent", cpu,
                    "kmsUsedMemoryKib", memory, "kmsPipelines", pipelines));
        } catch (RuntimeException e) {
            last = ReportedLoad.NONE;
            connection.requestFailed(e);
            LOG.log(System.Logger.Level.DEBUG, "KMS load not sampled: {0}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
