package org.newsradar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes of the stack {@code ./newsradar up} runs, found by the pid files it
 * writes, and what each uses, read from {@code /proc} with its children (Elasticsearch's
 * JVM is a child of its launcher).
 */
final class StackProcesses {

	/** The processes, in the order they are reported. */
	static final List<String> NAMES = List.of("ingest-service", "enrich-service", "alert-service", "kafka",
			"elasticsearch");

	private final Path pids;

	/**
	 * @param pids the directory of the pid files ({@code .newsradar/run})
	 */
	StackProcesses(Path pids) {
		this.pids = pids;
	}

	Path pids() {
		return this.pids;
	}

	/** CPU seconds used so far by each process found. */
	Map<String, Double> cpuSeconds() {
		Map<String, Double> cpu = new LinkedHashMap<>();
		for (String process : NAMES) {
			pid(process).ifPresent((pid) -> cpu.put(process, treeCpuSeconds(pid)));
		}
		return cpu;
	}

	/** The resident memory of each process found, in kB. */
	Map<String, Long> residentKb() {
		Map<String, Long> rss = new LinkedHashMap<>();
		for (String process : NAMES) {
			pid(process).ifPresent((pid) -> rss.put(process, treeRssKb(pid)));
		}
		return rss;
	}

	private Optional<Long> pid(String process) {
		try {
			return Optional.of(Long.parseLong(Files.readString(this.pids.resolve(process + ".pid")).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static double treeCpuSeconds(long pid) {
		return tree(pid).stream().mapToDouble((each) -> {
			String[] fields = statFields(each);
			// utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a
			// second on Linux).
			return (fields.length > 14) ? (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0 : 0;
		}).sum();
	}

	private static long treeRssKb(long pid) {
		return tree(pid).stream().mapToLong((each) -> {
			try {
				for (String line : Files.readAllLines(Path.of("/proc/" + each + "/status"))) {
					if (line.startsWith("VmRSS:")) {
						return Long.parseLong(line.replaceAll("[^0-9]", ""));
					}
				}
			}
			catch (IOException ex) {
				// gone
			}
			return 0;
		}).sum();
	}

	private static List<Long> tree(long pid) {
		List<Long> pids = new ArrayList<>(List.of(pid));
		ProcessHandle.of(pid).ifPresent((process) -> process.descendants().forEach((child) -> pids.add(child.pid())));
		return pids;
	}

	/** The fields of /proc/PID/stat after the command name (which may hold spaces). */
	private static String[] statFields(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			String[] fields = new String[after.length + 2];
			System.arraycopy(after, 0, fields, 2, after.length);
			return fields;
		}
		catch (IOException ex) {
			return new String[0];
		}
	}

}
