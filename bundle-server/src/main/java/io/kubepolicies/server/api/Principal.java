package io.kubepolicies.server.api;

/** Who made a request: the name of the token's holder (written into history records) and its role. */
public record Principal(String name, Role role) {}
