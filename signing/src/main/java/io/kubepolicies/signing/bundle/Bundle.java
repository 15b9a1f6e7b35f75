package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.canonical.CanonicalValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A checked OPA bundle: every path is inside the bundle, the manifest is valid, every module's
 * package and all data lie under the manifest's roots, and the data files merge without conflict.
 * Immutable; it can only be made through {@link #of} (or {@link BundleReader}), which check all of that.
 */
public final class Bundle {
  private final BundleLimits limits;
  private final Manifest manifest;
  private final SortedMap<String, BundleFile> files;
  private final Optional<BundleFile> signatures;
  private final List<ModuleFile> modules;
  private final List<DataFile> dataFiles;
  private final Map<String, CanonicalValue> documents;
  private final CanonicalValue data;

  Bundle(BundleLimits limits, Manifest manifest, SortedMap<String, BundleFile> files,
      Optional<BundleFile> signatures, List<ModuleFile> modules, List<DataFile> dataFiles,
      Map<String, CanonicalValue> documents, CanonicalValue data) {
    this.limits = limits;
    this.manifest = manifest;
    this.files = files;
    this.signatures = signatures;
    this.modules = List.copyOf(modules);
    this.dataFiles = List.copyOf(dataFiles);
    this.documents = Map.copyOf(documents);
    this.data = data;
  }

  /** Checks and assembles {@code files} (one of which may be {@code .signatures.json}) with the default limits. */
  public static Bundle of(Collection<BundleFile> files) throws BundleException {
    return of(files, BundleLimits.DEFAULT);
  }

  public static Bundle of(Collection<BundleFile> files, BundleLimits limits) throws BundleException {
    return BundleAssembly.assemble(files, limits);
  }

  /** The manifest; {@link Manifest#DEFAULT} when the bundle has no {@code .manifest}. */
  public Manifest manifest() {
    return manifest;
  }

  /** Every file in path order, {@code .manifest} included, {@code .signatures.json} not. */
  public Collection<BundleFile> files() {
    return files.values();
  }

  public Optional<BundleFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** The {@code .signatures.json} file, if the bundle carries one. */
  public Optional<BundleFile> signatures() {
    return signatures;
  }

  public List<ModuleFile> modules() {
    return modules;
  }

  public List<DataFile> dataFiles() {
    return dataFiles;
  }

  /** All data files merged into one object, rooted at {@code data}. */
  public CanonicalValue data() {
    return data;
  }

  /**
   * The parsed form of a file that is hashed as a document ({@code .manifest}, {@code data.json},
   * {@code data.yaml}); empty for any other file.
   */
  public Optional<CanonicalValue> document(String path) {
    return Optional.ofNullable(documents.get(path));
  }

  /** The same bundle carrying {@code signaturesJson} as its {@code .signatures.json}. */
  public Bundle withSignatures(byte[] signaturesJson) throws BundleException {
    return new Bundle(limits, manifest, files, Optional.of(BundleFile.of(FileKind.SIGNATURES_PATH, signaturesJson)),
        modules, dataFiles, documents, data);
  }

  public Bundle withoutSignatures() {
    return new Bundle(limits, manifest, files, Optional.empty(), modules, dataFiles, documents, data);
  }

  /** The same files under a new {@code .manifest} (checked again: new roots may not fit the content). */
  public Bundle withManifest(Manifest newManifest) throws BundleException {
    List<BundleFile> content = new ArrayList<>(files.values());
    content.removeIf(file -> file.kind() == FileKind.MANIFEST);
    content.add(BundleFile.of(FileKind.MANIFEST_PATH, newManifest.toJson()));
    signatures.ifPresent(content::add);
    return of(content, limits);
  }
}
