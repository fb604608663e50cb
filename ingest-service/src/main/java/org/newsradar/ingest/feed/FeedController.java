package org.newsradar.ingest.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.newsradar.ingest.article.InvalidRequestException;
import org.newsradar.ingest.feed.FeedRegistry.AlreadyRegisteredException;
import org.newsradar.operations.NotFoundException;
import org.newsradar.operations.Pages;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/feeds}: register a feed ({@code POST} with {@code url}, and optionally
 * {@code name} and {@code interval}) or many ({@code POST /api/feeds/bulk}), list them
 * with their status, pause, resume and remove one.
 */
@RestController
@RequestMapping("/api/feeds")
class FeedController {

	private final FeedRegistry registry;

	FeedController(FeedRegistry registry) {
		this.registry = registry;
	}

	/**
	 * What a client sends to register a feed.
	 *
	 * @param url the feed's address
	 * @param name what it is called, optional
	 * @param interval time between two polls ({@code 30m}, {@code PT30M}), optional
	 * @param status {@code paused} to register it paused (as {@code GET /api/feeds} shows
	 * a paused feed, so that its list can be registered again); anything else is ignored
	 */
	record FeedRequest(String url, String name, String interval, String status) {

		boolean paused() {
			return "paused".equals(this.status);
		}

	}

	/**
	 * What became of the feeds of one bulk request.
	 *
	 * @param added how many were registered
	 * @param existing how many were registered already (left as they are)
	 * @param invalid how many were refused
	 * @param results each feed's outcome, in request order
	 */
	record Bulk(int added, int existing, int invalid, List<Item> results) {

		/**
		 * One feed's outcome.
		 *
		 * @param index its position in the request
		 * @param url its address
		 * @param status {@code added}, {@code exists} or {@code invalid}
		 * @param id its id, unless invalid
		 * @param error what was wrong, if invalid
		 */
		record Item(int index, String url, String status, String id, String error) {

		}

	}

	/**
	 * Every feed, oldest first, or with {@code size} a page of them, the next by
	 * {@code cursor}; {@code X-Total-Count} says how many there are ({@link Pages}).
	 */
	@GetMapping
	ResponseEntity<List<FeedStatus>> list(@RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer size) {
		return Pages.respond(Pages.of(this.registry.list(),
				(feed) -> "%015d".formatted(feed.addedAt().toEpochMilli()) + feed.id(), cursor, size));
	}

	@GetMapping("/{id}")
	FeedStatus get(@PathVariable String id) {
		return this.registry.find(id).orElseThrow(() -> new NotFoundException("feed", id));
	}

	@PostMapping
	ResponseEntity<FeedStatus> add(@RequestBody FeedRequest request) {
		FeedStatus added = register(request);
		return ResponseEntity.created(URI.create("/api/feeds/" + added.id())).body(added);
	}

	/**
	 * Registers many feeds in one request (an import, such as the list {@code GET} gave):
	 * each on its own; one registered already is left as it is.
	 */
	@PostMapping("/bulk")
	Bulk bulk(@RequestBody List<FeedRequest> requests) {
		List<Bulk.Item> items = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			FeedRequest request = requests.get(i);
			String url = (request != null) ? request.url() : null;
			try {
				if (request == null) {
					throw new InvalidRequestException("a feed must be a JSON object");
				}
				items.add(new Bulk.Item(i, url, "added", register(request).id(), null));
			}
			catch (AlreadyRegisteredException ex) {
				items.add(new Bulk.Item(i, url, "exists", ex.feed().id(), null));
			}
			catch (InvalidRequestException ex) {
				items.add(new Bulk.Item(i, url, "invalid", null, ex.getMessage()));
			}
		}
		return new Bulk(count(items, "added"), count(items, "exists"), count(items, "invalid"), items);
	}

	private FeedStatus register(FeedRequest request) {
		return this.registry.add(request.url(), request.name(), request.interval(), request.paused());
	}

	private static int count(List<Bulk.Item> items, String status) {
		return (int) items.stream().filter((item) -> item.status().equals(status)).count();
	}

	@PostMapping("/{id}/pause")
	FeedStatus pause(@PathVariable String id) {
		return this.registry.pause(id, true).orElseThrow(() -> new NotFoundException("feed", id));
	}

	@PostMapping("/{id}/resume")
	FeedStatus resume(@PathVariable String id) {
		return this.registry.pause(id, false).orElseThrow(() -> new NotFoundException("feed", id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable String id) {
		if (!this.registry.remove(id)) {
			throw new NotFoundException("feed", id);
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> alreadyRegistered(AlreadyRegisteredException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Feed already registered");
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.location(URI.create("/api/feeds/" + ex.feed().id()))
			.body(problem);
	}

}
