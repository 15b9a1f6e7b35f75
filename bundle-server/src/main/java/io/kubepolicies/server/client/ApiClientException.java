package io.kubepolicies.server.client;

/**
 * The bundle-server could not be asked or did not answer the question: unreachable, TLS failure,
 * authentication refused ({@code unauthorized}, {@code forbidden}), its store unavailable, or an
 * answer that is not the API's JSON.
 *
 * @see io.kubepolicies.server.api.Bodies.Error for the codes
 */
public final class ApiClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public ApiClientException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
