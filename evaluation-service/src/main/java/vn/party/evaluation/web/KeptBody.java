package vn.party.evaluation.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;

/**
 * A request body read once and kept, handed on as if unread: a body's stream can be read only once, and both the
 * strict reader (a second, lenient reading) and {@link TypedBodyProblems} (each value checked again) need it twice.
 */
final class KeptBody implements HttpInputMessage {

  private final byte[] bytes;
  private final HttpHeaders headers;

  private KeptBody(byte[] bytes, HttpHeaders headers) {
    this.bytes = bytes;
    this.headers = headers;
  }

  static KeptBody of(HttpInputMessage input) throws IOException {
    return new KeptBody(input.getBody().readAllBytes(), input.getHeaders());
  }

  byte[] bytes() {
    return bytes;
  }

  @Override
  public InputStream getBody() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }
}
