package org.newsradar.operations;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Lists in pages. The body stays a JSON array, what every client of these lists reads;
 * the headers say how many items there are in all ({@code X-Total-Count}) and where the
 * next page is ({@code Link: <...cursor=...>; rel="next"} and {@code X-Next-Cursor}, both
 * absent on the last page). A cursor is opaque to clients: the sort keys of the last item
 * of a page, so that a page does not shift when items are added before it.
 */
public final class Pages {

	/** The number of items in the whole list. */
	public static final String TOTAL = "X-Total-Count";

	/** The cursor of the next page, for clients that do not read {@code Link}. */
	public static final String NEXT = "X-Next-Cursor";

	private static final String SEPARATOR = "\u001f";

	/** The largest page of a list held in memory. */
	static final int MAX_SIZE = 10_000;

	private Pages() {
	}

	/**
	 * One page of a list.
	 *
	 * @param <T> the items
	 * @param items the page's items
	 * @param total how many there are in all
	 * @param next the sort keys the next page starts after, or {@code null} on the last
	 * page
	 */
	public record Page<T>(List<T> items, long total, List<String> next) {

	}

	/** The page as the answer to the current request, with its headers. */
	public static <T> ResponseEntity<List<T>> respond(Page<T> page) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(TOTAL, Long.toString(page.total()));
		if (page.next() != null) {
			String cursor = cursor(page.next());
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("cursor", cursor)
				.replaceQueryParam("from")
				.build()
				.toUriString();
			headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
			headers.set(NEXT, cursor);
		}
		return ResponseEntity.ok().headers(headers).body(page.items());
	}

	/**
	 * A page of a list held in memory, in the order of a unique key.
	 * @param all the whole list
	 * @param key each item's key
	 * @param cursor where the page starts, or {@code null} for the first
	 * @param size at most this many items, or {@code null} for all from the cursor on
	 */
	public static <T> Page<T> of(List<T> all, Function<T, String> key, String cursor, Integer size) {
		if (size != null && (size < 1 || size > MAX_SIZE)) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail
				.forStatusAndDetail(HttpStatus.BAD_REQUEST, "size must be 1 to " + MAX_SIZE + ", not " + size), null);
		}
		List<T> sorted = all.stream().sorted(Comparator.comparing(key)).toList();
		int start = 0;
		if (cursor != null) {
			String after = keys(cursor, 1).get(0);
			while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
				start++;
			}
		}
		int end = (size != null) ? Math.min(sorted.size(), start + size) : sorted.size();
		List<T> items = sorted.subList(start, end);
		List<String> next = (end < sorted.size()) ? List.of(key.apply(sorted.get(end - 1))) : null;
		return new Page<>(List.copyOf(items), sorted.size(), next);
	}

	/** The cursor of a page's {@link Page#next()}. */
	public static String cursor(List<String> keys) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The sort keys a cursor holds.
	 * @param cursor a cursor this API gave
	 * @param count how many keys the list sorts by
	 * @throws ErrorResponseException (400) for anything else
	 */
	public static List<String> keys(String cursor, int count) {
		try {
			List<String> keys = Arrays
				.asList(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1));
			if (keys.size() == count) {
				return keys;
			}
		}
		catch (IllegalArgumentException ex) {
			// Not base64: said below.
		}
		throw invalid(cursor);
	}

	/** The answer (400) to a cursor this API did not give. */
	public static ErrorResponseException invalid(String cursor) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				ProblemDetail
					.forStatusAndDetail(HttpStatus.BAD_REQUEST,
							"cursor '" + cursor
									+ "' is not one this list gave (take it from the X-Next-Cursor or Link header)"),
				null);
	}

}
