package org.newsradar.enrich.story;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.pipeline.ArticleDraft;

import static org.assertj.core.api.Assertions.assertThat;

class StoryTaggerTest {

	private final StoryTagger tagger = new StoryTagger();

	@Test
	void translationsWithTheSameCountriesTopicsAndNumbersAreOneStory() {
		String english = story("e1", List.of("CN", "KZ", "TW"), List.of("one-china", "un", "trade"),
				"resolution 2758 30 years");
		String french = story("f1", List.of("CN", "KZ", "TW"), List.of("one-china", "un", "trade"),
				"résolution 2758 30e");
		assertThat(french).isEqualTo(english).isEqualTo("e1");
	}

	@Test
	void differentNumbersMakeDifferentStories() {
		String first = story("a", List.of("CN", "KZ"), List.of("trade", "energy"), "deal worth 250 million in 2023");
		String second = story("b", List.of("CN", "KZ"), List.of("trade", "energy"), "a 15 per cent fall in 1998");
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void sharedCountriesAloneDoNotMakeAStory() {
		String first = story("a", List.of("CN", "KZ", "TW"), List.of("one-china"), "");
		String second = story("b", List.of("CN", "KZ", "TW"), List.of("health", "trade"), "");
		assertThat(second).isEqualTo("b").isNotEqualTo(first);
	}

	@Test
	void aRussianTranslationFindsItsEnglishOriginalByNamesAndNumbers() {
		String english = story("en1", "en",
				"Governor Mikhail Degtyarev of Khabarovsk met Trump aides in 2021, 35 percent", List.of("RU", "US"));
		String russian = story("ru1", "ru",
				"Губернатор Михаил Дегтярев из Хабаровска встретился с помощниками Трампа в 2021, 35",
				List.of("RU", "US"));
		assertThat(russian).isEqualTo(english);
	}

	@Test
	void twoStoriesInOneLanguageAboutTheSamePeopleStayApart() {
		String first = story("a1", "en", "Governor Mikhail Degtyarev of Khabarovsk met Trump aides in 2021 to discuss"
				+ " timber exports; sawmills expect orders to grow 35 percent", List.of("RU", "US"));
		String second = story("b1", "en", "Hospitals in Khabarovsk ran short of oxygen, Degtyarev told Trump aides in"
				+ " 2021; doctors said 35 percent of patients waited", List.of("RU", "US"));
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void aJapaneseTranslationFindsItsEnglishOriginalByItsFullWidthNumbers() {
		String english = story("en2", "en",
				"Governor Yoshimura, 45, said only 11,000 of the 120,000 restaurants in" + " Osaka display the sticker",
				List.of("JP"));
		String japanese = story("ja2", "ja", "吉村知事（４５）は、府下の飲食店１２万軒のうちステッカーの発行は１万１０００店舗にとどまると述べた。", List.of("JP"));
		assertThat(japanese).isEqualTo(english);
	}

	@Test
	void aJapaneseArticleWithoutNumbersFindsItsEnglishVersionByHowItsNamesAreRead() {
		String english = story("en3", "en",
				"Like Tanaka Minami and Yamashita Mizuki of Nogizaka, she went to a hair salon in Omotesando",
				List.of());
		String japanese = story("ja3", "ja", "乃木坂の山下美月や田中みな実さんのように、表参道のヘアサロンでヘアスタイルにチャレンジ。", List.of());
		String other = story("ja4", "ja", "大阪のヘアサロンで、新しいヘアスタイルにチャレンジ。", List.of());
		assertThat(japanese).isEqualTo(english);
		assertThat(other).isEqualTo("ja4");
	}

	@Test
	void anArticleFullOfFiguresDoesNotSwallowASmallOneWhoseNumbersItContains() {
		StringBuilder table = new StringBuilder("Résultats du scrutin par région :");
		for (int number = 10; number < 70; number++) {
			table.append(' ').append(number).append(" %;");
		}
		String figures = story("fr3", "fr", table.toString(), List.of());
		String small = story("ja3", "ja", "会見は２５日、４２人が参加し、４３件の質問があった。", List.of());
		assertThat(small).isEqualTo("ja3").isNotEqualTo(figures);
	}

	@Test
	void twoChineseVersionsOfOneStoryAreOneStoryAndAnotherChineseStoryIsNot() {
		String first = story("zh1", "zh", "澳大利亚总理表示，政府将向受灾地区提供援助，以帮助农民恢复生产，并修复道路和桥梁。", List.of("AU"));
		String second = story("zh2", "zh", "澳大利亚总理说，政府将为受灾地区提供援助，帮助农民恢复生产，同时修复道路与桥梁。", List.of("AU"));
		String other = story("zh3", "zh", "澳大利亚央行公布的数据显示，上月房价继续上涨，贷款利率保持不变。", List.of("AU"));
		assertThat(second).isEqualTo(first);
		assertThat(other).isEqualTo("zh3");
	}

	@Test
	void anArticleEnrichedAgainKeepsItsStory() {
		story("a", List.of("CN", "KZ", "TW"), List.of("one-china", "un"), "2758");
		String again = story("a", List.of("RU"), List.of(), "");
		assertThat(again).isEqualTo("a");
	}

	@Test
	void whereTellingFeaturesAreRequiredCountriesAndSmallNumbersAloneDoNotJoinTwoLanguages() {
		StoryTagger.Settings loose = new StoryTagger.Settings(0.4, 1.75, 0.1, 0.5, 0.6, 0);
		StoryTagger.Settings telling = new StoryTagger.Settings(0.4, 1.75, 0.1, 0.5, 0.6, 1);
		String english = "Results of 16, 17, 18 and 24 May in Rome and Moscow";
		String french = "Résultats des 16, 17, 18 et 24 mai à Rome et à Moscou";
		assertThat(pair(loose, english, french)).as("without telling features").isTrue();
		assertThat(pair(telling, english, french)).as("with one telling feature required").isFalse();
		assertThat(pair(telling, english + ", Sparkasse 4120", french + ", Sparkasse 4120")).as("with a shared name")
			.isTrue();
	}

	@Test
	void ofTwoStoriesAsAlikeAnArticleJoinsTheOneRememberedFirst() {
		String text = "Governor Mikhail Degtyarev of Khabarovsk met Trump aides in 2021, 35 percent";
		// Each tagger holds its candidates in another order (identity hash codes).
		for (int trial = 0; trial < 20; trial++) {
			StoryTagger tagger = new StoryTagger();
			tagger.recall(StoryFingerprint.of(draft("a", "en", text, List.of("RU"))), "first");
			tagger.recall(StoryFingerprint.of(draft("b", "en", text, List.of("RU"))), "second");
			ArticleDraft third = draft("c", "en", text, List.of("RU"));
			tagger.tag(third);
			assertThat(third.storyId()).as("trial %d", trial).isEqualTo("first");
		}
	}

	private static boolean pair(StoryTagger.Settings settings, String english, String french) {
		StoryTagger tagger = new StoryTagger(settings);
		ArticleDraft first = draft("en", "en", english, List.of("IT", "RU"));
		ArticleDraft second = draft("fr", "fr", french, List.of("IT", "RU"));
		tagger.tag(first);
		tagger.tag(second);
		return first.storyId().equals(second.storyId());
	}

	private static ArticleDraft draft(String id, String language, String text, List<String> countries) {
		ArticleDraft draft = new ArticleDraft(new org.newsradar.events.ArticleIngested(id, null, null, "", text, null,
				Articles.article("t", text).ingestedAt(), null));
		draft.language(language);
		draft.countries().addAll(countries);
		return draft;
	}

	private String story(String id, String language, String text, List<String> countries) {
		ArticleDraft draft = draft(id, language, text, countries);
		this.tagger.tag(draft);
		return draft.storyId();
	}

	private String story(String id, List<String> countries, List<String> topics, String text) {
		var received = Articles.article("t", text);
		ArticleDraft draft = new ArticleDraft(
				new org.newsradar.events.ArticleIngested(id, null, null, "t", text, null, received.ingestedAt(), null));
		draft.countries().addAll(countries);
		topics.forEach((topic) -> draft.topics().put(topic, null));
		this.tagger.tag(draft);
		return draft.storyId();
	}

}
