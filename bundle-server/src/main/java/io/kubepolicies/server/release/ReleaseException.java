package io.kubepolicies.server.release;

import io.kubepolicies.server.gate.GateResult;
import java.util.Optional;

/** A release operation was refused; nothing was published. The message says why. */
public final class ReleaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, in a form callers map to exit codes and HTTP statuses. */
  public enum Reason {
    /** Another publication of the environment got there first. */
    CONFLICT,
    /** The gate failed: see {@link #gate()}. */
    GATE_FAILED,
    /** The environment, revision or sequence named does not exist (or has nothing published). */
    NOT_FOUND,
    /** The operation is not allowed now (soak time, not current below, already current, ...). */
    REFUSED,
    /** The request itself is malformed. */
    INVALID
  }

  private final Reason reason;
  private final transient GateResult gate;

  public ReleaseException(Reason reason, String message) {
    this(reason, message, null);
  }

  /** @param gate the gate's result when the reason is {@link Reason#GATE_FAILED}, else null */
  public ReleaseException(Reason reason, String message, GateResult gate) {
    super(message);
    this.reason = reason;
    this.gate = gate;
  }

  public static ReleaseException gateFailed(String what, GateResult gate) {
    return new ReleaseException(Reason.GATE_FAILED, "gate failed, nothing was published (" + what + "):\n"
        + gate.describeFailures(), gate);
  }

  public Reason reason() {
    return reason;
  }

  public Optional<GateResult> gate() {
    return Optional.ofNullable(gate);
  }
}
