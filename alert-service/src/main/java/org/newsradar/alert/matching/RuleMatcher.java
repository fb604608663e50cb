package org.newsradar.alert.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.RulesChanged;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds the rules an article matches with Lucene's {@link Monitor}: every rule is
 * registered as one query (text query and filters, see {@link RuleCompiler}), and the
 * presearcher indexes the rules' terms so that an article only runs the rules that could
 * match it. Follows {@link RulesChanged}, so a saved rule applies to the next article.
 */
@Component
public class RuleMatcher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RuleMatcher.class);

	private final Monitor monitor;

	private final Map<String, WatchRule> rules = new ConcurrentHashMap<>();

	private final int snippetLength;

	@Autowired
	RuleMatcher(AlertProperties properties) {
		this(new TermFilteredPresearcher(), properties.snippetLength());
	}

	/**
	 * @param presearcher how candidate rules are chosen; {@link Presearcher#NO_FILTERING}
	 * runs every rule (the brute-force floor benchmarks compare with)
	 * @param snippetLength longest snippet in an explanation
	 */
	public RuleMatcher(Presearcher presearcher, int snippetLength) {
		this.snippetLength = snippetLength;
		try {
			this.monitor = new Monitor(RuleQuery.ANALYZER, presearcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@EventListener
	public void onRulesChanged(RulesChanged change) {
		try {
			List<MonitorQuery> queries = new ArrayList<>();
			List<String> unusable = new ArrayList<>();
			for (WatchRule rule : change.saved()) {
				try {
					queries.add(new MonitorQuery(rule.id(), RuleCompiler.compile(rule)));
				}
				catch (RuleQuery.InvalidQueryException ex) {
					// Validated when saved; a rule written to the topic by other means is
					// skipped.
					logger.error("Rule {} is not used: query {}", rule.id(), ex.getMessage());
					unusable.add(rule.id());
				}
			}
			List<String> removed = new ArrayList<>(change.deleted());
			removed.addAll(unusable);
			if (!removed.isEmpty()) {
				this.monitor.deleteById(removed);
				removed.forEach(this.rules::remove);
			}
			if (!queries.isEmpty()) {
				this.monitor.register(queries);
				change.saved()
					.stream()
					.filter((rule) -> !unusable.contains(rule.id()))
					.forEach((rule) -> this.rules.put(rule.id(), rule));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param article an enriched article
	 * @return the rules it matches, each with why
	 */
	public List<RuleMatch> match(ArticleEnriched article) {
		MatchingQueries<QueryMatch> matches;
		try {
			matches = this.monitor.match(RuleCompiler.document(article), QueryMatch.SIMPLE_MATCHER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		matches.getErrors()
			.forEach((id, error) -> logger.warn("Rule {} failed on article {}", id, article.id(), error));
		if (matches.getMatchCount() == 0) {
			return List.of();
		}
		MatchExplainer explainer = new MatchExplainer(article, this.snippetLength);
		List<RuleMatch> result = new ArrayList<>();
		for (QueryMatch match : matches.getMatches()) {
			WatchRule rule = this.rules.get(match.getQueryId());
			if (rule != null) {
				MatchExplainer.Explanation why = explainer.explain(rule);
				result.add(new RuleMatch(rule, why.snippet(), why.match()));
			}
		}
		return result;
	}

	@Override
	public void destroy() throws IOException {
		this.monitor.close();
	}

}
