package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.canonical.CanonicalValue;
import io.kubepolicies.signing.canonical.DocumentParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Checks a set of files against the bundle rules and assembles them into a {@link Bundle}. */
final class BundleAssembly {
  private static final Set<String> UNSUPPORTED = Set.of("policy.wasm", "plan.json", "patch.json");

  private final BundleLimits limits;
  private final DocumentParser parser;
  private final SortedMap<String, BundleFile> files = new TreeMap<>();
  private final Map<String, CanonicalValue> documents = new HashMap<>();
  private Optional<BundleFile> signatures = Optional.empty();

  private BundleAssembly(BundleLimits limits) {
    this.limits = limits;
    this.parser = new DocumentParser(limits.maxFileBytes());
  }

  static Bundle assemble(Collection<BundleFile> files, BundleLimits limits) throws BundleException {
    return new BundleAssembly(limits).run(files);
  }

  private Bundle run(Collection<BundleFile> input) throws BundleException {
    collect(input);
    Manifest manifest = readManifest();
    List<ModuleFile> modules = new ArrayList<>();
    List<DataFile> dataFiles = new ArrayList<>();
    DataTree data = new DataTree();
    for (BundleFile file : files.values()) {
      try {
        switch (file.kind()) {
          case MODULE -> modules.add(readModule(file, manifest));
          case DATA_JSON, DATA_YAML, DATA_YML -> {
            DataFile dataFile = readData(file, manifest.roots());
            data.insert(dataFile.dataPath(), dataFile.value());
            dataFiles.add(dataFile);
          }
          default -> { }
        }
      } catch (BundleException e) {
        throw e.in(file.path());
      }
    }
    return new Bundle(limits, manifest, Collections.unmodifiableSortedMap(files), signatures, modules, dataFiles,
        documents, data.toValue());
  }

  private void collect(Collection<BundleFile> input) throws BundleException {
    if (input.size() > limits.maxEntries()) {
      throw new BundleException("more than " + limits.maxEntries() + " files");
    }
    long total = 0;
    for (BundleFile file : input) {
      String path = file.path();
      if (file.size() > limits.maxFileBytes()) {
        throw new BundleException(path + ": " + file.size() + " bytes is over the limit of " + limits.maxFileBytes() + " bytes per file");
      }
      total += file.size();
      if (total > limits.maxTotalBytes()) {
        throw new BundleException("the files add up to more than the limit of " + limits.maxTotalBytes() + " bytes");
      }
      checkPlacement(path);
      boolean duplicate = file.kind() == FileKind.SIGNATURES
          ? signatures.isPresent()
          : files.containsKey(path);
      if (duplicate) {
        throw new BundleException(path + ": duplicate file");
      }
      if (file.kind() == FileKind.SIGNATURES) {
        signatures = Optional.of(file);
      } else {
        files.put(path, file);
      }
    }
    for (String path : files.keySet()) {
      for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        if (files.containsKey(path.substring(0, slash))) {
          throw new BundleException(path.substring(0, slash) + ": is both a file and a directory");
        }
      }
    }
  }

  /** OPA treats any path ending in ".manifest" or "signatures.json" as such; only the root ones are allowed. */
  private static void checkPlacement(String path) throws BundleException {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (path.endsWith(".manifest") && !path.equals(FileKind.MANIFEST_PATH)) {
      throw new BundleException(path + ": only the bundle root may hold a manifest (.manifest)");
    }
    if (path.endsWith("signatures.json") && !path.equals(FileKind.SIGNATURES_PATH)) {
      throw new BundleException(path + ": only the bundle root may hold signatures (.signatures.json)");
    }
    if (UNSUPPORTED.contains(name)) {
      throw new BundleException(path + ": Wasm, plan and delta (patch) bundles are not supported");
    }
  }

  private Manifest readManifest() throws BundleException {
    BundleFile file = files.get(FileKind.MANIFEST_PATH);
    if (file == null) {
      return Manifest.DEFAULT;
    }
    try {
      byte[] content = file.content();
      documents.put(file.path(), parser.parseJson(content));
      return Manifest.parse(content);
    } catch (BundleException e) {
      throw e.in(file.path());
    }
  }

  private static ModuleFile readModule(BundleFile file, Manifest manifest) throws BundleException {
    String source = file.text();
    List<String> packagePath = PackageDeclaration.of(source);
    if (!manifest.roots().contain(packagePath)) {
      throw new BundleException("package " + String.join(".", packagePath) + " is outside the roots " + manifest.roots() + " of " + FileKind.MANIFEST_PATH);
    }
    return new ModuleFile(file.path(), source, packagePath, manifest.regoVersionFor(file.path()));
  }

  private DataFile readData(BundleFile file, Roots roots) throws BundleException {
    byte[] content = file.content();
    CanonicalValue value = file.kind() == FileKind.DATA_JSON ? parser.parseJson(content) : parser.parseJsonOrYaml(content);
    if (file.kind().hashedAsDocument()) {
      documents.put(file.path(), value);
    }
    List<String> dataPath = BundlePath.directorySegments(file.path());
    checkUnderRoots(roots, new ArrayList<>(dataPath), value);
    return new DataFile(file.path(), dataPath, value);
  }

  private static void checkUnderRoots(Roots roots, List<String> at, CanonicalValue value) throws BundleException {
    if (roots.contain(at)) {
      return;
    }
    if (value instanceof CanonicalValue.Members object && roots.leadToARoot(at)) {
      for (Map.Entry<String, CanonicalValue> member : object.members().entrySet()) {
        at.add(member.getKey());
        checkUnderRoots(roots, at, member.getValue());
        at.remove(at.size() - 1);
      }
      return;
    }
    throw new BundleException("data at /" + String.join("/", at) + " is outside the roots " + roots + " of " + FileKind.MANIFEST_PATH);
  }
}
