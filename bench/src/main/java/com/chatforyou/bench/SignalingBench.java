package com.chatforyou.bench;

import java.nio.file.Path;

/**
 * The signaling benchmark's command line: runs the load against a fresh server, prints the table and
 * writes results.json and results.csv. See docs/benchmarks.md.
 */
public final class SignalingBench {

    private SignalingBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--brute-force")) {
            BruteForceBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (java.util.List.of(args).contains("--help")) {
            System.out.print(BenchConfig.USAGE);
            return;
        }
        BenchConfig config;
        try {
            config = BenchConfig.parse(args);
        } catch (IllegalArgumentException badArguments) {
            System.err.println(badArguments.getMessage());
            System.exit(2);
            return;
        }
        BenchReport report = run(config);
        System.out.print(report.table());
        System.out.println();
        System.out.println("Figures (JSON): " + config.outputDir().resolve("results.json").toAbsolutePath());
        System.out.println("Figures (CSV):  " + config.outputDir().resolve("results.csv").toAbsolutePath());
        System.out.println("Server log:     " + config.outputDir().resolve("server.log").toAbsolutePath());
        // Client threads are daemons; nothing else keeps the JVM alive.
        System.exit(0);
    }

    /** Runs the whole benchmark and writes its files; the server is stopped whatever happens. */
    static BenchReport run(BenchConfig config) throws Exception {
        try (BenchRun run = new BenchRun(config)) {
            BenchReport report = run.execute();
            report.finish();
            Path json = report.write(config.outputDir());
            System.out.println("Wrote " + json.toAbsolutePath());
            return report;
        }
    }
}
