package io.kubepolicies.rego.builtins.template;

/** A template that does not parse or fails while executing; the message is Go's wording. */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message, null, false, false);
  }
}
