package org.newsradar.enrich.furniture;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.pipeline.ArticleDraft;

import static org.assertj.core.api.Assertions.assertThat;

class FurnitureRemoverTest {

	private final FurnitureRemover remover = new FurnitureRemover();

	private static final String STORY = """
			The two sides will maintain the good tradition of close communication between the heads of state.
			The two sides stand ready to promote the synergy between their economic policies and cross-border trade.
			The two sides also emphasize the importance of universal vaccination and vaccine supplies.""";

	@Test
	void cutsEverythingFromRelatedArticlesOn() {
		ArticleDraft article = clean("Tokayev speaks about neutrality", STORY + """

				Related articles

				Editor's choice
				UN General Assembly vote highlights Israel's isolation""");
		assertThat(article.body()).isEqualTo(STORY).doesNotContain("Israel");
	}

	@Test
	void cutsAuthorBiosCommentFormsAndLoadMoreBlocks() {
		assertThat(clean("T", STORY + "\n\nAuthor\n\n  • FD News\n\nFinancial Daily is ... in Pakistan").body())
			.isEqualTo(STORY);
		assertThat(clean("T", STORY + "\n\nLoad More In China\nLeave a Reply\nYour email address").body())
			.isEqualTo(STORY);
		assertThat(clean("T", STORY + "\n\nA lire également").body()).isEqualTo(STORY);
	}

	@Test
	void aMarkerNearTheTopIsAMenuNotTheEndOfTheArticle() {
		assertThat(clean("T", "Popular\n\n" + STORY).body()).isEqualTo(STORY);
		assertThat(clean("T", "Related\n" + STORY + "\n" + STORY).body()).contains(STORY + "\n" + STORY);
	}

	@Test
	void removesBylinesCaptionsAndReadingTimes() {
		ArticleDraft article = clean("A headline of several words",
				"author\nBy: Aqsa Younas Rana\nPublished: January 15, 2024 at 3:20 am EST\n5 min read\n"
						+ "Chine et Kazakhstan.Photo:VCG\n" + STORY);
		assertThat(article.body()).isEqualTo(STORY);
	}

	@Test
	void repairsBreadcrumbAndSectionTitles() {
		ArticleDraft breadcrumb = clean("Home China China, Kazakhstan issue joint statement",
				"China, Kazakhstan issue joint statement\n\n" + STORY);
		assertThat(breadcrumb.title()).isEqualTo("China, Kazakhstan issue joint statement");
		assertThat(breadcrumb.body()).isEqualTo(STORY);
		ArticleDraft section = clean("China",
				"Kazakhstan Reaffirms Support for One-China Principle\n\nBy: Someone\nKazakhstan Reaffirms Support for One-China Principle\n"
						+ STORY);
		assertThat(section.title()).isEqualTo("Kazakhstan Reaffirms Support for One-China Principle");
		assertThat(section.body()).isEqualTo(STORY);
	}

	@Test
	void keepsAnArticleWithoutFurnitureAsItIs() {
		ArticleDraft article = clean("Kazakhstan is a friendly neighbor of China", STORY);
		assertThat(article.title()).isEqualTo("Kazakhstan is a friendly neighbor of China");
		assertThat(article.body()).isEqualTo(STORY);
	}

	private ArticleDraft clean(String title, String body) {
		ArticleDraft draft = new ArticleDraft(Articles.article(title, body));
		this.remover.tag(draft);
		return draft;
	}

}
