package io.kubepolicies.rego.builtins.net;

import io.kubepolicies.rego.builtins.BuiltinContext;
import io.kubepolicies.rego.builtins.BuiltinException;

/** The one check every built-in that reaches the network makes before it does. */
public final class NetworkAccess {
  private NetworkAccess() {}

  /** Fails with an eval_builtin_error unless the query may use the network. */
  public static void require(BuiltinContext ctx) {
    if (!ctx.networkAllowed()) {
      throw BuiltinException.error("network access is disabled for this evaluation");
    }
  }
}
