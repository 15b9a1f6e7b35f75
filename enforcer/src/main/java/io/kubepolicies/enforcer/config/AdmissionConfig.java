package io.kubepolicies.enforcer.config;

import io.kubepolicies.enforcer.decision.FailureMode;
import java.time.Duration;

/**
 * How requests are judged: {@code deadline} bounds each request (parsing and evaluation); an
 * evaluation error, an overrun deadline or the lack of any bundle decides by {@code failureMode}.
 * Bodies over {@code maxRequestBytes} are refused unread.
 */
public record AdmissionConfig(FailureMode failureMode, Duration deadline, int maxRequestBytes) {
  /** Closed, 1 s, 3 MiB (the kube-apiserver's own request limit). */
  public static final AdmissionConfig DEFAULT = new AdmissionConfig(FailureMode.CLOSED, Duration.ofSeconds(1), 3 << 20);

  public AdmissionConfig {
    Durations.requirePositive("deadline", deadline);
    if (maxRequestBytes <= 0) {
      throw new IllegalArgumentException("max request bytes must be positive");
    }
  }

  public AdmissionConfig withFailureMode(FailureMode value) {
    return new AdmissionConfig(value, deadline, maxRequestBytes);
  }

  public AdmissionConfig withDeadline(Duration value) {
    return new AdmissionConfig(failureMode, value, maxRequestBytes);
  }

  public AdmissionConfig withMaxRequestBytes(int value) {
    return new AdmissionConfig(failureMode, deadline, value);
  }
}
