package io.kubepolicies.enforcer.config;

/** Everything an enforcer needs to start; read from YAML by {@link ConfigFile} or built in code. */
public record EnforcerConfig(ServerConfig server, AdmissionConfig admission, BundleConfig bundles,
    DecisionLogConfig decisionLog) {

  public EnforcerConfig withAdmission(AdmissionConfig value) {
    return new EnforcerConfig(server, value, bundles, decisionLog);
  }

  public EnforcerConfig withBundles(BundleConfig value) {
    return new EnforcerConfig(server, admission, value, decisionLog);
  }

  public EnforcerConfig withDecisionLog(DecisionLogConfig value) {
    return new EnforcerConfig(server, admission, bundles, value);
  }
}
