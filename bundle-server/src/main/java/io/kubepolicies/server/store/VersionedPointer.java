package io.kubepolicies.server.store;

/** A pointer as read, with the ETag a conditional replacement must name. */
public record VersionedPointer(Pointer pointer, String etag) {}
