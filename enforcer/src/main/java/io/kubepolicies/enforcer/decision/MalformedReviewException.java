package io.kubepolicies.enforcer.decision;

/** The request body is not a usable {@code admission.k8s.io/v1} AdmissionReview; the message says why. */
public final class MalformedReviewException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedReviewException(String message) {
    super(message);
  }
}
