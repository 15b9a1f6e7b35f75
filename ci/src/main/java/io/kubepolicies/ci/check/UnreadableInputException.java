package io.kubepolicies.ci.check;

/** A manifest could not be read: missing, not YAML or JSON, or not a Kubernetes object. */
public class UnreadableInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadableInputException(String message) {
    super(message);
  }
}
