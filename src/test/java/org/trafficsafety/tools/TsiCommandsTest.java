package org.trafficsafety.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TsiCommandsTest {

    @Test
    void shouldPrintHelpForEveryCommandAndExitZero() {
        List<String> checked = new ArrayList<>();
        check(new CommandLine(new Tsi()), new ArrayList<>(), checked);

        assertThat(checked).contains("tsi", "tsi analyze", "tsi ingest", "tsi simulate", "tsi bench parse", "tsi archive ls");
    }

    private static void check(CommandLine command, List<String> path, List<String> checked) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        StringWriter out = new StringWriter();
        CommandLine root = new CommandLine(new Tsi());
        root.setOut(new PrintWriter(out));
        root.setErr(new PrintWriter(new StringWriter()));
        String name = String.join(" ", command.getCommandSpec().qualifiedName().split(" "));
        assertThat(root.execute(args.toArray(String[]::new))).as("exit code of %s --help", name).isZero();
        assertThat(out.toString()).as("help of %s", name).contains("Usage:");
        checked.add(name);
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getCommandName().equals("help") || checked.contains(sub.getCommandSpec().qualifiedName())) {
                continue;
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getCommandName());
            check(sub, subPath, checked);
        }
    }
}
