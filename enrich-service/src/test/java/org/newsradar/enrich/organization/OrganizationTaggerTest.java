package org.newsradar.enrich.organization;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.pipeline.ArticleDraft;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationTaggerTest {

	private static final OrganizationTagger tagger = new OrganizationTagger();

	@Test
	void filesAnOrganisationUnderOneNameInEveryLanguage() {
		assertThat(organizations("The UN and NATO met")).containsExactly("United Nations", "NATO");
		assertThat(organizations("Генассамблея ООН и ШОС")).containsExactly("UN General Assembly",
				"Shanghai Cooperation Organisation");
		assertThat(organizations("联合国安理会")).containsExactly("UN Security Council");
		assertThat(organizations("L’ONU et l’Union européenne")).containsExactly("United Nations", "European Union");
	}

	@Test
	void acronymsThatAreWordsCountOnlyAsWritten() {
		assertThat(organizations("who said the fed was wrong? the sco")).isEmpty();
		assertThat(organizations("The WHO said the Fed was wrong")).containsExactly("World Health Organization",
				"Federal Reserve");
	}

	@Test
	void aMistakeInTheFileNamesFileAndLine() {
		ByteArrayResource file = new ByteArrayResource("NATO\n".getBytes(), "organizations.tsv");
		assertThatThrownBy(() -> new OrganizationTagger(file))
			.hasMessageContaining("[organizations.tsv] line 1: expected a name");
	}

	private static Set<String> organizations(String text) {
		ArticleDraft draft = new ArticleDraft(Articles.article("", text));
		tagger.tag(draft);
		return draft.organizations();
	}

}
