package vn.party.notification.security;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
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

  IdentityClient(RestClient.Builder builder, NotificationProperties properties, IdentityMapper mapper) {
    HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.identityTimeout()).build();
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
    requestFactory.setReadTimeout(properties.identityTimeout());
    this.restClient = builder.clone()
        .baseUrl(properties.identityUrl().toString())
        .requestFactory(requestFactory)
        .build();
    this.mapper = mapper;
  }

  /**
   * @throws BadCredentialsException when evaluation-service says 401
   * @throws AuthenticationServiceException when it cannot say (unreachable, other answers)
   */
  SignedInUser verify(String username, String password) {
    try {
      return restClient.get()
          .uri("/api/v1/me")
          .headers(headers -> headers.setBasicAuth(username, password, StandardCharsets.UTF_8))
          .accept(MediaType.APPLICATION_JSON)
          .exchange((request, response) -> {
            int status = response.getStatusCode().value();
            if (status == 401) {
              throw new BadCredentialsException("Bad credentials");
            }
            if (status != 200) {
              throw new AuthenticationServiceException("Identity service answered HTTP " + status);
            }
            MeResponse me = response.bodyTo(MeResponse.class);
            if (me == null || me.userId() == null || me.userId().isBlank()) {
              throw new AuthenticationServiceException("Identity service answered without a userId");
            }
            return mapper.toSignedInUser(me);
          });
    } catch (RestClientException e) {
      throw new AuthenticationServiceException("Identity service not reachable: " + e.getMessage(), e);
    }
  }
}
