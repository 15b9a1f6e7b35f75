package io.kubepolicies.signing.signature;

/** One entry of a signature's {@code files} list: a file's path, its hex digest and the digest's algorithm. */
public record FileHash(String name, String hash, String algorithm) {}
