package org.newsradar.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.newsradar.operations.Pages.Page;

import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagesTest {

	@Test
	void aListHeldInMemoryIsWalkedPageByPageInTheOrderOfItsKey() {
		List<String> all = List.of("delta", "alpha", "echo", "charlie", "bravo");
		List<String> walked = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Page<String> page = Pages.of(all, Function.identity(), cursor, 2);
			assertThat(page.total()).isEqualTo(5);
			walked.addAll(page.items());
			cursor = (page.next() != null) ? Pages.cursor(page.next()) : null;
			pages++;
		}
		while (cursor != null);
		assertThat(walked).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void withoutASizeTheWholeListIsOnePage() {
		Page<String> page = Pages.of(List.of("b", "a"), Function.identity(), null, null);
		assertThat(page.items()).containsExactly("a", "b");
		assertThat(page.next()).isNull();
	}

	@Test
	void aCursorSurvivesTheRemovalOfTheItemItPointsAfter() {
		String cursor = Pages.cursor(Pages.of(List.of("a", "b", "c"), Function.identity(), null, 1).next());
		assertThat(Pages.of(List.of("b", "c"), Function.identity(), cursor, 5).items()).containsExactly("b", "c");
	}

	@Test
	void aCursorThisApiDidNotGiveOrASizeOutOfRangeIsA400NamingIt() {
		assertThatThrownBy(() -> Pages.of(List.of("a"), Function.identity(), "not a cursor!", 1))
			.isInstanceOfSatisfying(ErrorResponseException.class,
					(ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400))
			.satisfies((ex) -> assertThat(((ErrorResponseException) ex).getBody().getDetail())
				.contains("'not a cursor!' is not one this list gave"));
		assertThatThrownBy(() -> Pages.keys(Pages.cursor(List.of("a", "b")), 1))
			.isInstanceOf(ErrorResponseException.class);
		assertThatThrownBy(() -> Pages.of(List.of("a"), Function.identity(), null, 0)).isInstanceOfSatisfying(
				ErrorResponseException.class,
				(ex) -> assertThat(ex.getBody().getDetail()).isEqualTo("size must be 1 to 10000, not 0"));
	}

}
