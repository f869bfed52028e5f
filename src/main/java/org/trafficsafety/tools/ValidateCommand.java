package org.trafficsafety.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tsi validate NAME}: consistency checks between the stores. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check that the stores agree.",
        subcommands = {DualWriteValidation.class})
public final class ValidateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
