package org.newsradar.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.newsradar.ingest.feed.FeedParser.Item;
import org.newsradar.ingest.feed.FeedParser.ParsedFeed;
import org.newsradar.ingest.fetch.FetchException;
import org.newsradar.ingest.fetch.Fetched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedParserTest {

	private final FeedParser parser = new FeedParser();

	@Test
	void rss2ItemsAreSummariesWithTheirLinkGuidDateAndTheChannelLanguage() throws Exception {
		ParsedFeed feed = parse("ministry-rss2.xml", "application/rss+xml; charset=utf-8");
		assertThat(feed.title()).isEqualTo("The Steppe Herald: World");
		assertThat(feed.language()).isEqualTo("en");
		assertThat(feed.items()).hasSize(3);
		Item first = feed.items().get(0);
		assertThat(first.link())
			.isEqualTo("https://news.example.org/world/2024/01/15/kazakhstan-one-china?utm_source=rss&utm_medium=feed");
		assertThat(first.title()).isEqualTo("Kazakhstan reaffirms its support for the one-China principle");
		assertThat(first.text())
			.isEqualTo("The foreign ministry says the country's position on Taiwan is unchanged. " + "Read more");
		assertThat(first.complete()).isFalse();
		assertThat(first.author()).isEqualTo("Aigerim Sadykova");
		assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-01-15T02:20:00Z"));
		assertThat(feed.items()).extracting(Item::key).doesNotHaveDuplicates();
	}

	@Test
	void atomContentInHtmlIsTheArticleAsParagraphs() throws Exception {
		ParsedFeed feed = parse("courier-atom.xml", "application/atom+xml");
		assertThat(feed.title()).isEqualTo("The Caspian Courier");
		Item full = feed.items().get(0);
		assertThat(full.title()).isEqualTo("Turkmenistan\u2019s president restates permanent neutrality");
		assertThat(full.complete()).isTrue();
		assertThat(full.text()).startsWith("ASHGABAT – President Serdar Berdimuhamedov said on Saturday")
			.contains("energy security, and he proposed hosting new talks on the Trans-Caspian gas pipeline.\n\n"
					+ "The president said")
			.doesNotContain("<p>");
		assertThat(full.author()).isEqualTo("Merdan Atayev");
		assertThat(full.publishedAt()).isEqualTo(Instant.parse("2024-06-01T04:30:00Z"));
		Item summary = feed.items().get(1);
		assertThat(summary.complete()).isFalse();
		assertThat(summary.text()).isEqualTo("A second railway crossing and water cooperation.");
		assertThat(summary.publishedAt()).isEqualTo(Instant.parse("2024-05-17T09:00:00Z"));
	}

	@Test
	void rdfInLatin1IsDecodedFromItsXmlDeclaration() throws Exception {
		ParsedFeed feed = parse("agency-rdf.xml", "application/rdf+xml");
		assertThat(feed.title()).isEqualTo("L'Écho des steppes – Monde");
		assertThat(feed.language()).isEqualTo("fr");
		assertThat(feed.items()).extracting(Item::title)
			.containsExactly("Le Kazakhstan et la Chine publient une déclaration conjointe",
					"Kazakhstan reaffirms its support for the one-China principle");
		assertThat(feed.items().get(0).text()).contains("s'engagent à approfondir leur partenariat stratégique");
		assertThat(feed.items().get(0).publishedAt()).isEqualTo(Instant.parse("2024-05-17T14:30:00Z"));
	}

	@Test
	void rss091WithItsDoctypeIsReadRelativeLinksResolvedAndNoEntityExpanded() throws Exception {
		String rss = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
				  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
				<rss version="0.91"><channel><title>Old wire</title><link>https://wire.example.org/</link>
				<description>Headlines</description><language>ru</language>
				<item><title>Minister visits Beijing</title><link>/2024/05/visit</link></item>
				</channel></rss>""";
		ParsedFeed feed = this.parser.parse(fetched(rss.getBytes(StandardCharsets.UTF_8), "text/xml"));
		assertThat(feed.language()).isEqualTo("ru");
		assertThat(feed.items()).singleElement()
			.satisfies((item) -> assertThat(item.link()).isEqualTo("https://news.example.org/2024/05/visit"));

		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<rss version="2.0"><channel><title>t</title><link>https://x.example.org/</link><description>d</description>
				<item><title>&secret;</title><link>https://x.example.org/a</link></item></channel></rss>""";
		try {
			ParsedFeed read = this.parser.parse(fetched(xxe.getBytes(StandardCharsets.UTF_8), "text/xml"));
			assertThat(read.items())
				.allSatisfy((item) -> assertThat(String.valueOf(item.title())).doesNotContain("root:"));
		}
		catch (FetchException ex) {
			assertThat(ex.getMessage()).startsWith("Not a feed:");
		}
	}

	@Test
	void anHtmlPageIsNotAFeedAndItsFeedLinkIsNamed() throws Exception {
		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> this.parser.parse(fetched(resource("/pages/joint-statement.html"), "text/html")))
			.withMessage("Not a feed: https://news.example.org/feeds/world.rss answered with an HTML page (text/html),"
					+ " not RSS or Atom; the page links to a feed at https://news.example.org/feeds/world.rss")
			.matches((ex) -> !ex.isTransient());
	}

	@Test
	void garbageAndBrokenXmlSayWhatIsWrong() {
		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> this.parser
				.parse(fetched("{\"items\": []}".getBytes(StandardCharsets.UTF_8), "application/json")))
			.withMessageStartingWith("Not a feed: the answer from https://news.example.org/feeds/world.rss is not XML "
					+ "(application/json, starts with \"{\"items\": []}\")");
		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> this.parser.parse(fetched(
					"<rss version=\"2.0\"><channel><title>cut off".getBytes(StandardCharsets.UTF_8), "text/xml")))
			.withMessageStartingWith(
					"Not a feed: https://news.example.org/feeds/world.rss could not be read as RSS or Atom:");
		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> this.parser
				.parse(fetched("<opml version=\"2.0\"><body/></opml>".getBytes(StandardCharsets.UTF_8), "text/xml")))
			.withMessageStartingWith(
					"Not a feed: https://news.example.org/feeds/world.rss could not be read as RSS or Atom:");
		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> this.parser.parse(fetched(new byte[0], "text/xml")))
			.withMessage("Not a feed: the answer from https://news.example.org/feeds/world.rss is empty");
	}

	private ParsedFeed parse(String name, String contentType) throws Exception {
		return this.parser.parse(fetched(resource("/feeds/" + name), contentType));
	}

	private static Fetched fetched(byte[] body, String contentType) {
		return new Fetched(URI.create("https://news.example.org/feeds/world.rss"), 200, contentType, body, null, null,
				null);
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = FeedParserTest.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

}
