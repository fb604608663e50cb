package org.newsradar.e2e;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Articles with words and figures of their own, so that each is a story of its own and no
 * other article of the shared test cluster reads like it.
 */
final class DistinctArticles {

	private static final JsonMapper json = JsonMapper.builder().build();

	private DistinctArticles() {
	}

	/**
	 * @param source the articles' source, which a test's rule can watch
	 * @param count how many
	 * @return the articles, as a request body for {@code POST /api/articles}
	 */
	static ArrayNode of(String source, int count) {
		ArrayNode articles = json.createArrayNode();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < count; i++) {
			StringBuilder words = new StringBuilder();
			for (int word = 0; word < 14; word++) {
				for (int letter = 0; letter < 7; letter++) {
					words.append((char) ('a' + random.nextInt(26)));
				}
				words.append(' ');
			}
			ObjectNode article = articles.addObject();
			article.put("source", source);
			article.put("url", "https://example.org/" + source + "/" + UUID.randomUUID());
			article.put("title", "Report " + random.nextInt(100_000, 999_999));
			article.put("body", words.toString().strip() + " " + random.nextLong(1_000_000, 9_999_999) + ".");
		}
		return articles;
	}

}
