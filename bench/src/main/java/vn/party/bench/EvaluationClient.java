package vn.party.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** evaluation-service over HTTP, as its API clients use it: JSON, HTTP Basic on every request, HTTP/1.1 keep-alive. */
final class EvaluationClient {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  /**
   * A member's self-review proposing GOOD, with the sections a self-criticism requires (issue 14: strengths,
   * limitations and causes, remedies of earlier shortcomings, direction; each at least 20 characters by default).
   */
  static final Map<String, Object> SELF_REVIEW =
      Map.of(
          "selfProposedLevel",
          "GOOD",
          "strengths",
          "Hoàn thành tốt nhiệm vụ chuyên môn được giao trong năm.",
          "limitations",
          "Đôi lúc chậm nộp báo cáo; nguyên nhân: chưa sắp xếp thời gian hợp lý.",
          "shortcomingsFixed",
          "Đã khắc phục việc đi họp muộn được chỉ ra ở kỳ kiểm điểm trước.",
          "remedialMeasures",
          "Lập kế hoạch công việc hằng tuần, nộp báo cáo đúng hạn.");

  private final String baseUrl;
  private final HttpClient http;

  EvaluationClient(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String authorization)
      throws IOException, InterruptedException {
    return send(request(path, authorization).header("Accept", "application/json").GET());
  }

  /** A GET without credentials (the API answers 401). */
  HttpResponse<String> getAnonymous(String path) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .GET());
  }

  HttpResponse<String> post(String path, String authorization, Object body)
      throws IOException, InterruptedException {
    String json = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(
        request(path, authorization)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  HttpResponse<String> put(String path, String authorization)
      throws IOException, InterruptedException {
    return send(request(path, authorization).PUT(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path, String authorization) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  String baseUrl() {
    return baseUrl;
  }

  /** GET that must answer 200; its JSON body. */
  JsonNode getJson(String path, String authorization) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path, authorization);
    expect(response, 200, "GET " + path);
    return JSON.readTree(response.body());
  }

  static void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      String body = response.body() == null ? "" : response.body();
      throw new IllegalStateException(
          what
              + " answered "
              + response.statusCode()
              + " (expected "
              + status
              + "): "
              + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
    }
  }

  /**
   * Heap used by the service, from Micrometer ({@code GET /actuator/metrics/jvm.memory.used?tag=area:heap}, admin
   * only): read twice one second apart, the smaller value — no GC is forced, so this is "live data plus garbage
   * not yet collected", an upper bound of the live set.
   */
  double heapUsedMb(String adminAuthorization) throws IOException, InterruptedException {
    double min = Double.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      if (i > 0) {
        Thread.sleep(1_000);
      }
      JsonNode metric =
          getJson("/actuator/metrics/jvm.memory.used?tag=area:heap", adminAuthorization);
      for (JsonNode m : metric.path("measurements")) {
        if ("VALUE".equals(m.path("statistic").asText())) {
          min = Math.min(min, m.path("value").asDouble());
        }
      }
    }
    return min == Double.MAX_VALUE ? Double.NaN : min / (1024.0 * 1024.0);
  }
}
