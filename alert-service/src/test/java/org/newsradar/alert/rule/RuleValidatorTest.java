package org.newsradar.alert.rule;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsradar.alert.AlertProperties;
import org.newsradar.operations.OutboundGuard;
import org.newsradar.operations.OutboundProperties;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleValidatorTest {

	private static final AlertProperties properties = new Binder(new MapConfigurationPropertySource())
		.bindOrCreate("newsradar.alert", Bindable.of(AlertProperties.class));

	private final RuleValidator validator = validator(true);

	@Test
	void acceptsTheRuleOfTheDesignDocument() {
		WatchRule rule = new WatchRule(null, "Who reaffirms the one-China principle", "\"one-China\" OR Taiwan",
				List.of("KZ", "UZ"), List.of("one-china"), List.of("en", "fr"), null, List.of("KZ"), null,
				List.of(new WatchRule.Channel("webhook", "https://hooks.example.org/radar",
						"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", null),
						new WatchRule.Channel("email", null, null, "desk@example.org")),
				"PT1H");
		assertThat(this.validator.validate(rule)).isEmpty();
	}

	@Test
	void namesEveryWrongField() {
		WatchRule rule = new WatchRule(null, " ", "title:(unclosed", List.of("XX"), List.of("One China", "tea"),
				List.of("english"), null, List.of("ZZ"), null,
				List.of(new WatchRule.Channel("pigeon", null, null, null),
						new WatchRule.Channel("webhook", "ftp://example.org", "secret", null),
						new WatchRule.Channel("email", null, null, "nobody")),
				"hourly");
		assertThat(this.validator.validate(rule)).extracting(RuleValidator.FieldError::field)
			.containsExactly("name", "query", "countries", "statement_by", "languages", "topics", "topics",
					"channels[0].type", "channels[1].url", "channels[1].secret", "channels[2].to", "digest");
	}

	@Test
	void webhooksToInternalAddressesAreRefused() {
		for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/hook",
				"http://127.0.0.1:9000/hook")) {
			WatchRule rule = new WatchRule(null, "n", null, null, null, null, null, null, null,
					List.of(new WatchRule.Channel("webhook", url, null, null)), null);
			assertThat(this.validator.validate(rule)).as(url)
				.singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("channels[0].url"))
				.satisfies((error) -> assertThat(error.message()).contains("is an internal address"));
		}
	}

	@Test
	void anUnknownTopicIsRefusedWithTheKnownOnesListed() {
		WatchRule rule = new WatchRule(null, "n", null, null, List.of("taiwan"), null, null, null, null, null, null);
		assertThat(this.validator.validate(rule)).singleElement()
			.satisfies((error) -> assertThat(error.message()).startsWith("'taiwan' is not a topic of the taxonomy")
				.contains("one-china", "belt-and-road", "nuclear"));
	}

	@Test
	void refusesQueriesTooExpensiveToRunAgainstEveryArticle() {
		assertThat(queryError("*stan")).contains("leading wildcards");
		assertThat(queryError("ka*")).contains("'ka*' needs at least 3 letters before the wildcard");
		assertThat(queryError("/kaz.*/")).contains("regular expressions are not allowed");
		assertThat(queryError("title:[a TO z]")).contains("ranges are not allowed");
		String many = String.join(" OR ", java.util.stream.IntStream.range(0, 300).mapToObj((i) -> "w" + i).toList());
		assertThat(queryError(many)).contains("600 clauses over title and body, at most 512");
		assertThat(queryError("kaz* OR tokay?v OR \"one china\"~3 OR tokayev~1")).isNull();
	}

	@Test
	void normalisesCodesAndGivesEveryWebhookASecret() {
		WatchRule rule = new WatchRule(null, " Central Asia ", null, List.of("kz", " uz"), List.of("UN"), List.of("EN"),
				null, null, null,
				List.of(new WatchRule.Channel("webhook", "https://hooks.example.org/radar", null, null)), null);
		WatchRule stored = this.validator.check(rule);
		assertThat(stored.name()).isEqualTo("Central Asia");
		assertThat(stored.countries()).containsExactly("KZ", "UZ");
		assertThat(stored.topics()).containsExactly("un");
		assertThat(stored.languages()).containsExactly("en");
		assertThat(stored.channels().get(0).secret()).startsWith("whsec_").hasSizeGreaterThan(40);
		assertThat(this.validator.validate(stored)).isEmpty();
	}

	@Test
	void refusesEmailWhenNoMailServerIsConfigured() {
		WatchRule rule = new WatchRule(null, "n", null, null, null, null, null, null, null,
				List.of(new WatchRule.Channel("email", null, null, "desk@example.org")), null);
		assertThatExceptionOfType(InvalidRuleException.class).isThrownBy(() -> validator(false).check(rule))
			.withMessageContaining("channels[0].type email is not configured on this alert-service");
	}

	@Test
	void acceptsDigestsInHoursOrDaysButNotMonths() {
		assertThat(digestErrors("PT1H")).isEmpty();
		assertThat(digestErrors("P1D")).isEmpty();
		assertThat(digestErrors("P1M")).hasSize(1);
		assertThat(digestErrors("PT0.5S")).hasSize(1);
	}

	private List<RuleValidator.FieldError> digestErrors(String digest) {
		return this.validator
			.validate(new WatchRule(null, "n", null, null, null, null, null, null, null, null, digest));
	}

	private String queryError(String query) {
		return this.validator.validate(new WatchRule(null, "n", query, null, null, null, null, null, null, null, null))
			.stream()
			.map(RuleValidator.FieldError::message)
			.findFirst()
			.orElse(null);
	}

	private static RuleValidator validator(boolean mail) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (mail) {
			beans.addBean("mailSender", new JavaMailSenderImpl());
		}
		return new RuleValidator(new TopicCatalog(properties), beans.getBeanProvider(JavaMailSender.class),
				new OutboundGuard(new OutboundProperties(false, false)));
	}

}
