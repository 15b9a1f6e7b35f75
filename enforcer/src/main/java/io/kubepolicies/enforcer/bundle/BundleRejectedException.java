package io.kubepolicies.enforcer.bundle;

/** A poll or a bundle failed for {@code reason}; the message gives the detail. */
public final class BundleRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final BundleFailure reason;

  public BundleRejectedException(BundleFailure reason, String message) {
    super(message);
    this.reason = reason;
  }

  public BundleRejectedException(BundleFailure reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public BundleFailure reason() {
    return reason;
  }
}
