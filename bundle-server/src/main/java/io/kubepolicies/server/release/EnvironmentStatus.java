package io.kubepolicies.server.release;

import io.kubepolicies.server.store.HistoryRecord;
import io.kubepolicies.server.store.Pointer;

/**
 * What an environment runs.
 *
 * @param current the pointer; null when nothing was published yet
 * @param record the history record of the current publication; null when there is none
 * @param pendingSequence a sequence claimed but not yet current (a publication in progress, or one
 *     interrupted, which the next publication completes); null when there is none
 */
public record EnvironmentStatus(String environment, Pointer current, HistoryRecord record, Long pendingSequence) {}
