package io.kubepolicies.server.store;

/** The object store could not be reached or refused a request for a reason other than a failed condition. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
