package io.kubepolicies.server.build;

import io.kubepolicies.server.release.BundleBuilder;
import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.signing.bundle.Bundle;

/** The releases' bundle builder: {@link EnvironmentBundle} over the snapshot, as it was uploaded or stored. */
public final class SnapshotBuilder implements BundleBuilder {
  @Override
  public Bundle build(SourceSnapshot source, String environment) throws BuildException {
    return EnvironmentBundle.build(source, environment).bundle();
  }
}
