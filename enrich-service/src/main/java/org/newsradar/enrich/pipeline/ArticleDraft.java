package org.newsradar.enrich.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newsradar.enrich.text.Tokens;
import org.newsradar.events.ArticleEnriched.Quote;
import org.newsradar.events.ArticleEnriched.Statement;
import org.newsradar.events.ArticleEnriched.TopicEvidence;
import org.newsradar.events.ArticleIngested;

/**
 * The article while the taggers work on it. Title and body start as received and may be
 * cleaned; the tag collections keep insertion order so results are stable.
 */
public final class ArticleDraft {

	private final ArticleIngested received;

	private String title;

	private String body;

	private Tokens tokens;

	private String language;

	private final Set<String> countries = new LinkedHashSet<>();

	private final Map<String, TopicEvidence> topics = new LinkedHashMap<>();

	private final Set<String> persons = new LinkedHashSet<>();

	private final Set<String> organizations = new LinkedHashSet<>();

	private final List<Quote> quotes = new ArrayList<>();

	private final List<Mention> mentions = new ArrayList<>();

	private Statement statement;

	private String storyId;

	public ArticleDraft(ArticleIngested received) {
		this.received = received;
		this.title = (received.title() != null) ? received.title() : "";
		this.body = (received.body() != null) ? received.body() : "";
		this.language = received.language();
	}

	public ArticleIngested received() {
		return this.received;
	}

	public String title() {
		return this.title;
	}

	public String body() {
		return this.body;
	}

	/** Title and body as one text, the way most taggers read the article. */
	public String text() {
		return this.title.isEmpty() ? this.body : this.title + "\n\n" + this.body;
	}

	/** The tokens of {@link #text()}, computed once per version of the text. */
	public Tokens tokens() {
		if (this.tokens == null) {
			this.tokens = Tokens.of(text());
		}
		return this.tokens;
	}

	public void clean(String title, String body) {
		this.title = title;
		this.body = body;
		this.tokens = null;
		this.mentions.clear();
	}

	public String language() {
		return this.language;
	}

	public void language(String language) {
		this.language = language;
	}

	public Set<String> countries() {
		return this.countries;
	}

	public Map<String, TopicEvidence> topics() {
		return this.topics;
	}

	public Set<String> persons() {
		return this.persons;
	}

	public Set<String> organizations() {
		return this.organizations;
	}

	public List<Quote> quotes() {
		return this.quotes;
	}

	/** Countries and people where they were found, in the order taggers found them. */
	public List<Mention> mentions() {
		return this.mentions;
	}

	/** The mentions of one kind. */
	public List<Mention> mentions(Mention.Kind kind) {
		return this.mentions.stream().filter((mention) -> mention.kind() == kind).toList();
	}

	public Statement statement() {
		return this.statement;
	}

	public void statement(Statement statement) {
		this.statement = statement;
	}

	public String storyId() {
		return this.storyId;
	}

	public void storyId(String storyId) {
		this.storyId = storyId;
	}

}
