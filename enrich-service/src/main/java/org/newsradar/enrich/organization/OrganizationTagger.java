package org.newsradar.enrich.organization;

import org.newsradar.enrich.text.EnrichData;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.DataFile;
import org.newsradar.enrich.text.PhraseIndex;

import org.springframework.core.io.Resource;

/**
 * Sets {@code organizations}: the canonical names of the organisations of
 * {@code data/organizations.tsv} that the cleaned text names.
 */
public class OrganizationTagger implements Tagger {

	private final PhraseIndex<String> names;

	public OrganizationTagger() {
		this(EnrichData.bundled());
	}

	public OrganizationTagger(EnrichData data) {
		this(data.file("organizations.tsv"));
	}

	OrganizationTagger(Resource file) {
		this.names = load(file);
	}

	@Override
	public void tag(ArticleDraft article) {
		for (PhraseIndex.Match<String> match : this.names.find(article.tokens())) {
			article.organizations().add(match.value());
		}
	}

	/**
	 * @throws IllegalStateException naming file and line when a line is malformed
	 */
	private static PhraseIndex<String> load(Resource file) {
		PhraseIndex<String> names = new PhraseIndex<>();
		for (DataFile.Line line : DataFile.read(file)) {
			String canonical = line.columns()[0].strip();
			if (line.columns().length != 2 || canonical.isEmpty() || line.values(1).isEmpty()) {
				throw line.error("expected a name, a tab and other names separated by |");
			}
			names.add(canonical, false, canonical);
			line.values(1).forEach((alias) -> names.add(alias, canonical));
		}
		return names;
	}

}
