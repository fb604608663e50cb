package org.newsradar.alert.news;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.operations.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's pages of what was published: a story with every version (language,
 * source, time), and the official statements of the last days (who made them, of which
 * type), filtered by country, topic and days, each with a link to the same query in
 * Kibana's Discover.
 */
@Controller
class NewsConsoleController {

	/** A country code or a topic id: what a filter and a Kibana query may hold. */
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");

	private static final int STATEMENTS = 100;

	private final NewsReader reader;

	private final String kibana;

	NewsConsoleController(NewsReader reader,
			@Value("${newsradar.console.kibana-url:http://localhost:5601}") String kibana) {
		this.reader = reader;
		this.kibana = kibana.endsWith("/") ? kibana.substring(0, kibana.length() - 1) : kibana;
	}

	@GetMapping("/stories/{storyId}")
	String story(@PathVariable String storyId, Model model) throws IOException {
		List<ArticleEnriched> versions = this.reader.story(storyId);
		if (versions.isEmpty()) {
			throw new NotFoundException("story", storyId);
		}
		model.addAttribute("storyId", storyId);
		model.addAttribute("versions", versions);
		model.addAttribute("languages", versions.stream().map(ArticleEnriched::language).distinct().toList());
		model.addAttribute("kibana", discover("story_id:" + kql(storyId), 3650));
		return "story";
	}

	@GetMapping("/statements")
	String statements(@RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String topic,
			@RequestParam(defaultValue = "7") int days, Model model, HttpServletResponse response) throws IOException {
		List<String> problems = new ArrayList<>();
		String by = filter("country", country.toUpperCase(Locale.ROOT), problems);
		String about = filter("topic", topic.toLowerCase(Locale.ROOT), problems);
		if (days < 1 || days > 365) {
			problems.add("days must be 1 to 365");
		}
		model.addAttribute("country", country);
		model.addAttribute("topic", topic);
		model.addAttribute("days", days);
		if (!problems.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", problems);
			model.addAttribute("statements", List.of());
			return "statements";
		}
		model.addAttribute("statements", this.reader.statements(by, about, days, STATEMENTS));
		StringBuilder query = new StringBuilder("statement.type:*");
		if (by != null) {
			query.append(" and statement.by:").append(kql(by));
		}
		if (about != null) {
			query.append(" and topics:").append(kql(about));
		}
		model.addAttribute("kibana", discover(query.toString(), days));
		return "statements";
	}

	private static String filter(String name, String value, List<String> problems) {
		if (value.isBlank()) {
			return null;
		}
		if (!CODE.matcher(value.strip()).matches()) {
			problems.add(name + " must be a code such as CN or a topic id such as trade");
			return null;
		}
		return value.strip();
	}

	/** A value of a KQL query, quoted. */
	private static String kql(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Kibana's Discover on the articles data view ({@code kibana/newsradar.ndjson}) with
	 * this KQL query over the last days. The state is rison: a quote in a string is
	 * written {@code !'}.
	 */
	private String discover(String query, int days) {
		String rison = "_g=(time:(from:now-" + days + "d,to:now))&_a=(dataSource:(dataViewId:newsradar-articles,"
				+ "type:dataView),query:(language:kuery,query:'" + query.replace("!", "!!").replace("'", "!'") + "'))";
		return this.kibana + "/app/discover#/?"
				+ URLEncoder.encode(rison, StandardCharsets.UTF_8).replace("%3D", "=").replace("%26", "&");
	}

}
