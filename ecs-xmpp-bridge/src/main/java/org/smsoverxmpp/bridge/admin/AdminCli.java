package org.smsoverxmpp.bridge.admin;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator's CLI, in the bridge's jar: {@code java -jar ecs-xmpp-bridge-all.jar mappings|status|dlq ...}.
 * Works against AWS with the default credential chain, or an emulator with --endpoint-url.
 */
@Command(name = "sms-over-xmpp", mixinStandardHelpOptions = true,
        description = "Manage the sms-over-xmpp gateway: user mappings, health, the dead-letter queue.",
        subcommands = {MappingsCommand.class, StatusCommand.class, DlqCommand.class},
        footer = {"", "Run the bridge itself with no arguments. Exit status: 0 done, 1 failed, 2 usage error."})
public final class AdminCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @return the exit status */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(new CommandLine(new AdminCli()), args, out, err);
    }

    /**
     * The CLI for a gateway whose bridge runs outside ECS (the local run): status says {@code whereItRuns} instead of
     * asking ECS for a service there is none of. Callers may add their own subcommands.
     */
    public static CommandLine outsideEcs(String whereItRuns) {
        return new CommandLine(new AdminCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == StatusCommand.class) {
                    return type.cast(new StatusCommand(java.util.Optional.of(whereItRuns)));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
    }

    /** @return the exit status */
    public static int run(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("error: " + (e instanceof AdminException ? e.getMessage() : e.toString()));
            return 1;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out), new PrintWriter(System.err)));
    }
}
