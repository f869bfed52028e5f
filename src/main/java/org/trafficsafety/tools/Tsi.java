package org.trafficsafety.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The executable jar's entry point: one subcommand per tool. The {@code ./tsi} script wraps it. */
@Command(name = "tsi", mixinStandardHelpOptions = true, version = "trafficsafety 0.1.0",
        description = "Traffic-safety indices from connected-vehicle messages.",
        subcommands = {
                CommandLine.HelpCommand.class,
                BenchCommand.class,
                InspectCommand.class,
                ServeCommand.class,
                MigrateCommand.class,
                FakeVccCommand.class,
                ArchiveCommand.class,
                ValidateCommand.class,
                DemoCommand.class,
                org.trafficsafety.tools.analyze.AnalyzeCommand.class,
                org.trafficsafety.tools.simulate.SimulateCommand.class,
                org.trafficsafety.tools.analyze.IngestCommand.class,
        })
public final class Tsi implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Tsi()).execute(args));
    }
}
