package vn.party.notification.security;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import vn.party.notification.config.NotificationProperties;

/**
 * Asks evaluation-service, which holds the users (Camunda identity), whether a user name and
 * password are right, by calling {@code GET /api/v1/me} with them.
 */
@Component
class IdentityClient {

  private final RestClient restClient;
  private final IdentityMapper mapper;

  IdentityClient(
      RestClient.Builder builder, NotificationProperties properties, IdentityMapper mapper) {
    HttpClient httpClient =
        HttpClient.newBuilder().connectTimeout(properties.identityTimeout()).build();
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
    requestFactory.setReadTimeout(properties.identityTimeout());
    this.restClient =
        builder
            .clone()
            .baseUrl(properties.identityUrl().toString())
            .requestFactory(requestFactory)
            .build();
    this.mapper = mapper;
  }

  /**
   * @throws BadCredentialsException when evaluation-service says 401
   * @throws SignInHeldBackException when it says 429 (too many failed sign-ins; wait)
   * @throws AuthenticationServiceException when it cannot say (unreachable, other answers)
   */
  SignedInUser verify(String username, String password) {
    return verify(username, password, null);
  }

  /**
   * As {@link #verify(String, String)}, naming the caller's address in {@code X-Forwarded-For}: evaluation-service
   * throttles failed sign-ins per client address, and without it every failure through this service would count
   * against this service's own address (set {@code evaluation.sign-in-throttle.trusted-proxies} there to it).
   */
  SignedInUser verify(String username, String password, String clientAddress) {
    try {
      return restClient
          .get()
          .uri("/api/v1/me")
          .headers(
              headers -> {
                headers.setBasicAuth(username, password, StandardCharsets.UTF_8);
                if (clientAddress != null && !clientAddress.isBlank()) {
                  headers.set("X-Forwarded-For", clientAddress);
                }
              })
          .accept(MediaType.APPLICATION_JSON)
          .exchange(
              (request, response) -> {
                int status = response.getStatusCode().value();
                if (status == 401 || status == 403) {
                  // 403: the account must change its password first (evaluation-service says so);
                  // not signed in here
                  throw new BadCredentialsException("Bad credentials");
                }
                if (status == 429) {
                  throw new SignInHeldBackException(
                      retryAfterSeconds(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
                }
                if (status != 200) {
                  throw new AuthenticationServiceException(
                      "Identity service answered HTTP " + status);
                }
                MeResponse me = response.bodyTo(MeResponse.class);
                if (me == null || me.userId() == null || me.userId().isBlank()) {
                  throw new AuthenticationServiceException(
                      "Identity service answered without a userId");
                }
                return mapper.toSignedInUser(me);
              });
    } catch (RestClientException e) {
      throw new AuthenticationServiceException(
          "Identity service not reachable: " + e.getMessage(), e);
    }
  }

  /** evaluation-service's Retry-After in seconds; a minute when it gave none that reads as seconds. */
  static long retryAfterSeconds(String header) {
    if (header != null) {
      try {
        long seconds = Long.parseLong(header.trim());
        if (seconds > 0) {
          return seconds;
        }
      } catch (NumberFormatException notSeconds) {
        // an HTTP date or garbage: fall through to the default
      }
    }
    return 60;
  }
}
