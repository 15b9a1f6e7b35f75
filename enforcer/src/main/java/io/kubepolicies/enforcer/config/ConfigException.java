package io.kubepolicies.enforcer.config;

/** The enforcer's configuration, or a file it names, is unusable; the message says which key or file and why. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
