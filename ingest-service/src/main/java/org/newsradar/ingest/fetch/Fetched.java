package org.newsradar.ingest.fetch;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;

import org.springframework.http.HttpStatus;

/**
 * An answer.
 *
 * @param uri where it came from, after redirects
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, or {@code null}
 * @param body the body
 * @param etag the {@code ETag}, or {@code null}
 * @param lastModified the {@code Last-Modified}, or {@code null}
 * @param location the {@code Location}, or {@code null}
 */
public record Fetched(URI uri, int status, String contentType, byte[] body, String etag, String lastModified,
		String location) {

	Fetched(URI uri, HttpResponse<byte[]> response) {
		this(uri, response.statusCode(), header(response, "Content-Type"), response.body(), header(response, "ETag"),
				header(response, "Last-Modified"), header(response, "Location"));
	}

	private static String supported(String charset) {
		try {
			return Charset.isSupported(charset) ? charset : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	/** The charset the {@code Content-Type} names, or {@code null}. */
	public String charset() {
		if (this.contentType == null) {
			return null;
		}
		for (String parameter : this.contentType.split(";")) {
			String[] pair = parameter.strip().split("=", 2);
			if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
				return supported(pair[1].replace("\"", "").strip());
			}
		}
		return null;
	}

	/**
	 * Refuses an answer that is not a success.
	 * @param what what was asked for, as the message names it ("feed", "page")
	 * @throws FetchException when the status is not 2xx: transient for a 5xx, 429 or 408
	 */
	public void requireSuccess(String what) throws FetchException {
		if (this.status < 200 || this.status > 299) {
			boolean retry = this.status >= 500 || this.status == 429 || this.status == 408;
			HttpStatus known = HttpStatus.resolve(this.status);
			throw new FetchException("The " + what + " " + this.uri + " answered HTTP " + this.status
					+ ((known != null) ? " " + known.getReasonPhrase() : ""), retry);
		}
	}

}
