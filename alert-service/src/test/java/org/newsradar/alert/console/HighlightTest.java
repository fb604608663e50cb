package org.newsradar.alert.console;

import org.junit.jupiter.api.Test;
import org.newsradar.alert.console.Highlight.Piece;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightTest {

	private final Highlight highlight = new Highlight();

	@Test
	void theWordsBetweenEmMarksAreMarkedAndTheRestIsText() {
		assertThat(this.highlight.of("… Astana considers <em>Taiwan</em> part of <em>China</em>.")).containsExactly(
				new Piece("… Astana considers ", false), new Piece("Taiwan", true), new Piece(" part of ", false),
				new Piece("China", true), new Piece(".", false));
	}

	@Test
	void aSnippetWithoutMarksOrWithAnUnclosedOneIsText() {
		assertThat(this.highlight.of("no match here")).containsExactly(new Piece("no match here", false));
		assertThat(this.highlight.of("a <em>broken mark")).containsExactly(new Piece("a <em>broken mark", false));
		assertThat(this.highlight.of(null)).isEmpty();
	}

}
