package io.kubepolicies.ci.release;

/** How release commands print their results. */
public enum OutputFormat { text, json }
