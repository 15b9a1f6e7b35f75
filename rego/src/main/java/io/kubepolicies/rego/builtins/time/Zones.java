package io.kubepolicies.rego.builtins.time;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kubepolicies.rego.builtins.BuiltinException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolves zone names the way Go's {@code time.LoadLocation} does, caching what it loads. */
final class Zones {
  /** Where Go looks for the tz database on Unix systems. */
  private static final List<Path> SOURCES = List.of(
      Path.of("/usr/share/zoneinfo"), Path.of("/usr/share/lib/zoneinfo"), Path.of("/usr/lib/locale/TZ"),
      Path.of("/etc/zoneinfo"));

  /**
   * Names the tz database (and so Go) has but java.time does not: the legacy fixed zones and a few
   * aliases. Their offsets come from these equivalents, their abbreviations still from the files.
   */
  private static final Map<String, String> JAVA_EQUIVALENTS = Map.of(
      "EST", "-05:00", "MST", "-07:00", "HST", "-10:00", "ROC", "Asia/Taipei",
      "GMT+0", "Z", "GMT-0", "Z", "Factory", "Z");

  private final Cache<String, Zone> loaded = Caffeine.newBuilder().maximumSize(512).build();
  private final Set<String> known = javaZonesInTzDatabase();
  private volatile Zone local;

  /** Zones with the process's local zone, resolved on first use. */
  Zones() {}

  /** Zones with a given local zone, for tests that must not depend on the machine's. */
  Zones(String localName) {
    this.local = forName(localName);
  }

  /** The zone for an OPA time zone operand: "" and "UTC" are UTC, "Local" the process's zone. */
  Zone forName(String name) {
    if (name.isEmpty() || name.equals("UTC")) {
      return Zone.UTC;
    }
    if (name.equals("Local")) {
      return local();
    }
    if (name.contains("..") || name.startsWith("/") || name.startsWith("\\")) {
      throw BuiltinException.error("time: invalid location name");
    }
    String javaId = known.contains(name) ? name : JAVA_EQUIVALENTS.get(name);
    if (javaId == null) {
      throw BuiltinException.error("unknown time zone " + name);
    }
    return loaded.get(name, n -> new Zone(ZoneId.of(javaId), namesFile(n)));
  }

  /** Go's {@code time.Local}: the TZ environment variable, else /etc/localtime, else UTC. */
  Zone local() {
    Zone zone = local;
    if (zone == null) {
      zone = loadLocal();
      local = zone;
    }
    return zone;
  }

  private Zone loadLocal() {
    String tz = System.getenv("TZ");
    if (tz == null) {
      ZoneNames names = read(Path.of("/etc/localtime"));
      return names == null ? Zone.UTC : new Zone(ZoneId.systemDefault(), names);
    }
    if (tz.startsWith(":")) {
      tz = tz.substring(1);
    }
    if (tz.isEmpty() || tz.equals("UTC") || !known.contains(tz)) {
      return Zone.UTC;
    }
    return new Zone(ZoneId.of(tz), namesFile(tz));
  }

  /** java.time's region ids, less the SystemV ones that the tz database (and Go) no longer has. */
  private static Set<String> javaZonesInTzDatabase() {
    Set<String> ids = new HashSet<>(ZoneId.getAvailableZoneIds());
    ids.removeIf(id -> id.startsWith("SystemV/"));
    return ids;
  }

  private static ZoneNames namesFile(String name) {
    for (Path dir : SOURCES) {
      ZoneNames names = read(dir.resolve(name));
      if (names != null) {
        return names;
      }
    }
    return null;
  }

  private static ZoneNames read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return ZoneNames.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      return null;
    }
  }
}
