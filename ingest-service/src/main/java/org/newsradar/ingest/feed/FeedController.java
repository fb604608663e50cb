package org.newsradar.ingest.feed;

import java.net.URI;
import java.util.List;

import org.newsradar.ingest.feed.FeedRegistry.AlreadyRegisteredException;
import org.newsradar.operations.NotFoundException;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/feeds}: register a feed ({@code POST} with {@code url}, and optionally
 * {@code name} and {@code interval}), list them with their status, pause, resume and
 * remove one.
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
	 */
	record FeedRequest(String url, String name, String interval) {

	}

	@GetMapping
	List<FeedStatus> list() {
		return this.registry.list();
	}

	@GetMapping("/{id}")
	FeedStatus get(@PathVariable String id) {
		return this.registry.find(id).orElseThrow(() -> new NotFoundException("feed", id));
	}

	@PostMapping
	ResponseEntity<FeedStatus> add(@RequestBody FeedRequest request) {
		FeedStatus added = this.registry.add(request.url(), request.name(), request.interval());
		return ResponseEntity.created(URI.create("/api/feeds/" + added.id())).body(added);
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
