package io.kubepolicies.rego.ast;

/** The language version a module is written in. */
public enum RegoVersion {
  /** Rego v0: {@code deny[msg] { ... }}; keywords {@code if}, {@code contains}, {@code in}, {@code every} only via future imports. */
  V0,
  /** Rego v1 (OPA 1.x default): {@code if} and {@code contains} are required, all keywords are on. */
  V1
}
