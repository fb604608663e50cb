package org.newsradar.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;

/**
 * The reference data files users edit: UTF-8 text, one entry a line, tab-separated
 * columns, blank lines and lines starting with {@code #} ignored. Errors name the file
 * and the line.
 */
public final class DataFile {

	private DataFile() {
	}

	/**
	 * @param file the data file
	 * @return its entries, with their line numbers
	 */
	public static List<Line> read(Resource file) {
		List<Line> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			String text;
			int number = 0;
			while ((text = reader.readLine()) != null) {
				number++;
				if (!text.isBlank() && !text.startsWith("#")) {
					lines.add(new Line(file, number, text.split("\t")));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.getDescription(), ex);
		}
		return lines;
	}

	/**
	 * One entry.
	 *
	 * @param file where it comes from
	 * @param number its line number
	 * @param columns its tab-separated columns
	 */
	public record Line(Resource file, int number, String[] columns) {

		/** An error that points at this line. */
		public IllegalStateException error(String message) {
			return new IllegalStateException(this.file.getDescription() + " line " + this.number + ": " + message);
		}

		/** The values of a column that holds several, separated by {@code |}. */
		public List<String> values(int column) {
			if (column >= this.columns.length) {
				return List.of();
			}
			List<String> values = new ArrayList<>();
			for (String value : this.columns[column].split("\\|")) {
				if (!value.isBlank()) {
					values.add(value.strip());
				}
			}
			return values;
		}

	}

}
