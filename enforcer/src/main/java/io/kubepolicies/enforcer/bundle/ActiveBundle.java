package io.kubepolicies.enforcer.bundle;

import io.kubepolicies.enforcer.decision.Decider;
import java.time.Instant;

/**
 * A verified, compiled bundle ready to decide: immutable, so a request that read it once decides on
 * exactly this bundle however many swaps happen meanwhile.
 *
 * @param revision the manifest's revision ({@code sequence-N} when it has none)
 * @param sha256 hex digest of the archive as fetched
 */
public record ActiveBundle(Decider decider, String environment, long sequence, String revision, String sha256,
    Instant activatedAt) {}
