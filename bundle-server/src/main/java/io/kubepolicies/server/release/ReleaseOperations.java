package io.kubepolicies.server.release;

import io.kubepolicies.server.source.SourceSnapshot;
import io.kubepolicies.server.store.HistoryRecord;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The release operations, the same whether run directly against the store or through the
 * bundle-server's HTTP API. Each failure is a {@link ReleaseException} saying why.
 */
public interface ReleaseOperations {
  /** Gates, builds, signs and publishes {@code source} to the first environment. */
  HistoryRecord publish(SourceSnapshot source);

  /** Promotes a revision (default: the current one) from the environment below into {@code environment}. */
  HistoryRecord promote(String environment, Optional<String> revision);

  /** Republishes an earlier publication (default: the latest with another revision) under a new sequence. */
  HistoryRecord rollback(String environment, OptionalLong sequence);

  List<EnvironmentStatus> status();

  EnvironmentStatus status(String environment);

  List<HistoryRecord> history(String environment);
}
