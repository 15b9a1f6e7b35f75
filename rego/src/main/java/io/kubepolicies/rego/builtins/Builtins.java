package io.kubepolicies.rego.builtins;

import io.kubepolicies.rego.builtins.time.Time;
import io.kubepolicies.rego.builtins.aws.AwsProvidersFamily;
import io.kubepolicies.rego.builtins.crypto.CryptoFamily;
import io.kubepolicies.rego.builtins.http.HttpFamily;
import io.kubepolicies.rego.builtins.jwt.JwtFamily;
import io.kubepolicies.rego.builtins.net.NetFamily;
import io.kubepolicies.rego.types.Type;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in table: every built-in function by name. Each family registers its own entries; this
 * class is the one place that lists the families. The compiler resolves names here once, so
 * evaluation calls implementations directly, without looking anything up.
 */
public final class Builtins {
  private final Map<String, Builtin> byName;

  private Builtins(Map<String, Builtin> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** OPA's standard library. Each call builds a fresh table with its own caches. */
  public static Builtins standard() {
    return of(List.of(
        new Membership(),
        new RegoRuntime(),
        new Time(),
        new Semver(),
        new Uuid(),
        new SetFamily(),
        new ArrayFamily(),
        new ObjectFamily(),
        new JsonPathFamily(),
        new JsonSchemaFamily(),
        new GraphFamily(),
        new Comparison(),
        new Arithmetic(),
        new Aggregates(),
        new Bits(),
        new NumberRanges(),
        new Casts(),
        new TypeChecks(),
        new Strings(),
        new Sprintf(),
        new Templates(),
        new Units(),
        new RegexFamily(),
        new GlobFamily(),
        new UriFamily(),
        new EncodingFamily(),
        new NetFamily(),
        new AwsProvidersFamily(),
        new CryptoFamily(),
        new JwtFamily(),
        new HttpFamily()));
  }

  public static Builtins of(List<? extends BuiltinFamily> families) {
    Registrar registrar = new Registrar();
    families.forEach(f -> f.register(registrar));
    return new Builtins(registrar.entries);
  }

  /** The built-in called {@code name}, or null. */
  public Builtin get(String name) {
    return byName.get(name);
  }

  /** All names, sorted. */
  public java.util.Set<String> names() {
    return byName.keySet();
  }

  /** Collects entries from the families; a name may be registered once only. */
  public static final class Registrar {
    private final Map<String, Builtin> entries = new TreeMap<>();

    private Registrar() {}

    public void add(Builtin builtin) {
      if (entries.putIfAbsent(builtin.name(), builtin) != null) {
        throw new IllegalStateException("built-in registered twice: " + builtin.name());
      }
    }

    public void function(String name, List<Type> args, Type result, BuiltinFunction function) {
      add(new Builtin(name, args, result, function, null));
    }

    public void relation(String name, List<Type> args, Type result, BuiltinRelation relation) {
      add(new Builtin(name, args, result, null, relation));
    }
  }
}
