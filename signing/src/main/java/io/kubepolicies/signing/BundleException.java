package io.kubepolicies.signing;

/**
 * A bundle, a signature or a key was rejected. Every refusal of bad input in this module is one of
 * these, and its message names the offending file, entry or claim.
 */
public class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The same rejection with {@code context} (usually a file name) in front of the reason. */
  public BundleException in(String context) {
    return new BundleException(context + ": " + getMessage(), this);
  }
}
