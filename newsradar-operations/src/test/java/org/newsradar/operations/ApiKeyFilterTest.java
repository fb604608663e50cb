package org.newsradar.operations;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFilterTest {

	private final ApiKeyFilter writesOnly = new ApiKeyFilter(new ApiKeyProperties(List.of("k1", "k2"), false));

	private final ApiKeyFilter everything = new ApiKeyFilter(new ApiKeyProperties(List.of("k1"), true));

	@Test
	void aWriteWithoutAKeyIsRefusedWithAProblem() throws Exception {
		MockHttpServletResponse response = call(this.writesOnly, "POST", "/api/articles", null, null);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(response.getContentAsString()).contains("needs an API key");
	}

	@Test
	void aWriteWithAKnownKeyPassesInEitherHeader() throws Exception {
		assertThat(call(this.writesOnly, "PUT", "/api/rules/a", "Authorization", "Bearer k2").getStatus())
			.isEqualTo(200);
		assertThat(call(this.writesOnly, "DELETE", "/api/rules/a", "X-API-Key", "k1").getStatus()).isEqualTo(200);
		assertThat(call(this.writesOnly, "POST", "/api/articles", "Authorization", "bearer k1").getStatus())
			.isEqualTo(200);
	}

	@Test
	void anUnknownKeyIsRefused() throws Exception {
		MockHttpServletResponse response = call(this.writesOnly, "POST", "/api/articles", "X-API-Key", "k3");
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).contains("not valid");
		assertThat(call(this.writesOnly, "POST", "/api/articles", "Authorization", "Basic azE6").getStatus())
			.isEqualTo(401);
	}

	@Test
	void readsAreOpenUnlessProtectedAndActuatorIsNeverAsked() throws Exception {
		assertThat(call(this.writesOnly, "GET", "/api/alerts", null, null).getStatus()).isEqualTo(200);
		assertThat(call(this.everything, "GET", "/api/alerts", null, null).getStatus()).isEqualTo(401);
		assertThat(call(this.everything, "GET", "/api/alerts", "X-API-Key", "k1").getStatus()).isEqualTo(200);
		assertThat(call(this.everything, "GET", "/actuator/health", null, null).getStatus()).isEqualTo(200);
		assertThat(call(this.everything, "POST", "/apix", null, null).getStatus()).isEqualTo(200);
	}

	private static MockHttpServletResponse call(ApiKeyFilter filter, String method, String path, String header,
			String value) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (header != null) {
			request.addHeader(header, value);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
