package org.smsoverxmpp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * While a load row runs: the bridge's peak resident set, and how much CPU each process took, which names
 * the bottleneck on a 2-core machine (the process near 100 % of a core, or all of them near 200 %).
 */
final class ProcessSampler implements AutoCloseable {
    /** Linux reports CPU time in clock ticks of 1/100 s. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;
    private final long rssPid;
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final Map<String, Long> endTicks = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile double peakRssMb;
    private long startNanos;
    private long endNanos;

    /** @param pids the processes whose CPU is reported, by name; @param rssPid the one whose memory is */
    ProcessSampler(Map<String, Long> pids, long rssPid) {
        this.pids = pids;
        this.rssPid = rssPid;
    }

    void start() {
        pids.forEach((name, pid) -> startTicks.put(name, ticks(pid)));
        startNanos = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            try {
                peakRssMb = Math.max(peakRssMb, ProcessTimer.rssMb(rssPid));
            } catch (IOException | RuntimeException e) {
                // the process ended; the peak so far stands
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
    }

    void stop() {
        endNanos = System.nanoTime();
        pids.forEach((name, pid) -> endTicks.put(name, ticks(pid)));
        timer.shutdownNow();
    }

    double peakRssMb() {
        return peakRssMb;
    }

    /** e.g. "bridge 95 %, prosody 40 %, …" of one core, over the measured interval. */
    String cpuShares() {
        double seconds = (endNanos - startNanos) / 1e9;
        StringJoiner shares = new StringJoiner(", ");
        startTicks.forEach((name, start) -> shares.add(String.format("%s %.0f %%", name,
                100 * (endTicks.get(name) - start) / TICKS_PER_SECOND / seconds)));
        return shares.toString();
    }

    /** utime + stime of a process, all its threads, from /proc/PID/stat. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces: fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CPU time of " + pid, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
