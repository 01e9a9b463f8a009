package com.chatforyou.adapter.media;

import java.util.Map;

/**
 * A media server's own account of its load, which also counts what other clients (other ChatForYou
 * nodes) put on it. Every figure may be unknown (null).
 *
 * @param streams    media streams the server carries, as far as it tells (Janus: handles, less one per session)
 * @param rooms      rooms the server holds (Janus: videorooms; KMS: pipelines)
 * @param cpuPercent the server's CPU use in percent (KMS ServerManager.getUsedCpu)
 * @param usedMemoryKib the server's memory use in KiB (KMS ServerManager.getUsedMemory)
 * @param figures    the raw figures by name, for health
 */
public record ReportedLoad(Integer streams, Integer rooms, Double cpuPercent, Long usedMemoryKib,
                           Map<String, Number> figures) {

    public static final ReportedLoad NONE = new ReportedLoad(null, null, null, null, Map.of());

    public ReportedLoad {
        figures = Map.copyOf(figures);
    }
}
