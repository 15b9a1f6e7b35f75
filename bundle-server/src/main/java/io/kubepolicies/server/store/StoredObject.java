package io.kubepolicies.server.store;

/** An object's content and the ETag it had when read. */
public record StoredObject(byte[] content, String etag) {}
