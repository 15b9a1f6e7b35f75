package io.kubepolicies.rego.builtins.gostd;

/** A failure of Go's {@code net/url}, carrying Go's message. */
public final class UrlError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UrlError(String message) {
    super(message, null, false, false);
  }
}
