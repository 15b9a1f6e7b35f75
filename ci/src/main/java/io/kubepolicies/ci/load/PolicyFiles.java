package io.kubepolicies.ci.load;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import io.kubepolicies.server.source.DataDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads what {@code -d} names, like {@code opa eval -d}: {@code .rego} files become modules, JSON
 * and YAML files are merged into the base data at the root; directories are walked (sorted, so
 * the result does not depend on the file system). Parse errors of all modules are reported together.
 */
public final class PolicyFiles {
  private final List<Module> modules;
  private final ObjectValue data;

  private PolicyFiles(List<Module> modules, ObjectValue data) {
    this.modules = modules;
    this.data = data;
  }

  public static PolicyFiles load(List<Path> paths, RegoVersion version) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        files.addAll(DirectoryFiles.under(p, PolicyFiles::isLoadable));
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        throw new IOException(p + ": no such file or directory");
      }
    }
    List<Module> modules = new ArrayList<>();
    List<RegoError> errors = new ArrayList<>();
    ObjectValue data = ObjectValue.EMPTY;
    for (Path f : files) {
      String name = f.toString();
      if (name.endsWith(".rego")) {
        try {
          modules.add(Parser.parseModule(name, Files.readString(f, StandardCharsets.UTF_8), version));
        } catch (RegoException e) {
          errors.addAll(e.errors());
        }
      } else {
        data = DataDocuments.merge(data, readData(f), name);
      }
    }
    if (!errors.isEmpty()) {
      throw new RegoException(errors);
    }
    return new PolicyFiles(modules, data);
  }

  private static boolean isLoadable(String n) {
    return n.endsWith(".rego") || n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml");
  }

  /** Reads a JSON or YAML document (chosen by the file's extension). */
  public static Value readData(Path f) throws IOException {
    return DataDocuments.read(f.toString(), Files.readAllBytes(f));
  }

  public List<Module> modules() {
    return modules;
  }

  public ObjectValue data() {
    return data;
  }
}
