package io.kubepolicies.rego.builtins.crypto;

/** A certificate, request or key could not be parsed; the message is what Go reports. */
final class X509Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  X509Exception(String message) {
    super(message, null, false, false);
  }
}
