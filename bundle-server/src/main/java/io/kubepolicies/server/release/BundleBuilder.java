package io.kubepolicies.server.release;

import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.signing.bundle.Bundle;

/** Builds one environment's (unsigned) bundle from a source snapshot. */
@FunctionalInterface
public interface BundleBuilder {
  /** @throws Exception any failure, reported as a failed gate check naming the environment */
  Bundle build(SourceSnapshot source, String environment) throws Exception;
}
