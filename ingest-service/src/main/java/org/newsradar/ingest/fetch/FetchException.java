package org.newsradar.ingest.fetch;

/**
 * A fetch that did not give a usable answer, with a message that says why in terms the
 * feed's owner can act on.
 */
public class FetchException extends Exception {

	private final boolean transient_;

	/**
	 * @param message what went wrong
	 * @param transient_ whether trying again later may work (a timeout, a 5xx), as
	 * opposed to an answer that will stay the same (a 404, robots.txt, a private address)
	 */
	public FetchException(String message, boolean transient_) {
		super(message);
		this.transient_ = transient_;
	}

	public boolean isTransient() {
		return this.transient_;
	}

}
