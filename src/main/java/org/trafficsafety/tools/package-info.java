/** Command-line tools: the {@code tsi} entry point and its subcommands (inspect, analyze, simulate, bench, ...). */
package org.trafficsafety.tools;
