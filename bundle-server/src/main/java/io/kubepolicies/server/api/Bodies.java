package io.kubepolicies.server.api;

import io.kubepolicies.server.gate.GateResult;
import io.kubepolicies.server.release.EnvironmentStatus;
import io.kubepolicies.server.store.HistoryRecord;
import java.util.List;

/** The JSON bodies of the API besides history records and statuses themselves. */
public final class Bodies {
  private Bodies() {}

  /** {@code POST /v1/environments/{env}/promote}; no revision: the one current below. */
  public record PromoteRequest(String revision) {}

  /** {@code POST /v1/environments/{env}/rollback}; no sequence: the latest with another revision. */
  public record RollbackRequest(Long sequence) {}

  /** {@code GET /v1/environments}. */
  public record StatusList(List<EnvironmentStatus> environments) {}

  /** {@code GET /v1/environments/{env}/history}. */
  public record History(String environment, List<HistoryRecord> records) {}

  /**
   * Every error.
   *
   * @param error a stable code: {@code conflict}, {@code gate_failed}, {@code not_found}, {@code refused},
   *     {@code invalid}, {@code unauthorized}, {@code forbidden}, {@code store_unavailable}, {@code internal}
   * @param gate the gate's result, for {@code gate_failed}
   */
  public record Error(String error, String message, GateResult gate) {}
}
