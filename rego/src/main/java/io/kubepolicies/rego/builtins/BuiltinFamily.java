package io.kubepolicies.rego.builtins;

/**
 * A family of related built-ins, one class each (strings, regex, time, ...). A family registers its
 * entries once when the table is built; it may keep bounded caches (compiled patterns) as instance
 * state, which then live as long as the table.
 */
public interface BuiltinFamily {
  void register(Builtins.Registrar registrar);
}
