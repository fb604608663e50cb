package org.newsradar.ingest.article;

import java.util.List;

/**
 * The answer to {@code POST /api/articles}: what became of each article of the request.
 *
 * @param accepted how many articles were taken (new, updated or duplicate)
 * @param duplicates how many of those had been published before, unchanged
 * @param rejected how many articles were refused
 * @param articles the accepted articles: their id and whether they were {@code new}, a
 * {@code duplicate} or an {@code updated} version of an article already published
 * @param rejections the refused articles, with every reason
 */
public record IngestReport(int accepted, int duplicates, int rejected, List<Outcome> articles,
		List<Rejection> rejections) {

	static IngestReport of(List<Outcome> articles, List<Rejection> rejections) {
		int duplicates = (int) articles.stream().filter((outcome) -> outcome.status().equals("duplicate")).count();
		return new IngestReport(articles.size(), duplicates, rejections.size(), articles, rejections);
	}

	/**
	 * @param index position in the request
	 * @param id the article id
	 * @param status {@code new}, {@code duplicate} or {@code updated}
	 */
	public record Outcome(int index, String id, String status) {

	}

	/**
	 * @param index position in the request
	 * @param errors what was wrong
	 */
	public record Rejection(int index, List<String> errors) {

	}

}
