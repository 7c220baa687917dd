package org.smsoverxmpp.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.smsoverxmpp.bridge.admin.AdminCli;
import picocli.CommandLine;

/**
 * {@code bin/admin --local ...}: the operator's CLI against the gateway {@code bin/run} started, plus what only the
 * local run has: {@code users add}, which creates an XMPP account in its Prosody and maps it to a number. Status
 * says the bridge runs inside bin/run instead of asking ECS, which has no part in a local run.
 */
public final class LocalAdmin {
    private LocalAdmin() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(System.getenv().getOrDefault("LOCAL_DIR", ".local"));
        Path stateFile = dir.resolve("local.properties");
        if (!Files.exists(stateFile)) {
            System.err.println("error: no local run found (" + stateFile + "); start one with bin/run");
            System.exit(1);
        }
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
            state.load(reader);
        }
        System.exit(run(args, state, new PrintWriter(System.out), new PrintWriter(System.err)));
    }

    static int run(String[] args, Properties state, PrintWriter out, PrintWriter err) {
        String pid = state.getProperty("pid", "?");
        boolean running = ProcessHandle.of(parse(pid)).map(ProcessHandle::isAlive).orElse(false);
        CommandLine cli = AdminCli.outsideEcs("the local run (bin/run, pid " + pid + (running ? "" : ", not running now")
                + "): the bridge and the webhook run inside it; there is no ECS locally");
        cli.addSubcommand(new CommandLine(new UsersCommand(state)));
        return AdminCli.run(cli, args, out, err);
    }

    private static long parse(String pid) {
        try {
            return Long.parseLong(pid);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
