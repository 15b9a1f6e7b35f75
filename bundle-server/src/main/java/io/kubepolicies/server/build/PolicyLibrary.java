package io.kubepolicies.server.build;

import io.kubepolicies.rego.Policy;
import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.RegoException;
import io.kubepolicies.rego.ast.Module;
import io.kubepolicies.rego.ast.RegoVersion;
import io.kubepolicies.rego.ast.Scalar;
import io.kubepolicies.rego.ast.Term;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.syntax.Parser;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.server.source.SourceSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The production Rego modules of {@code policies/lib} (tests, {@code target/} and hidden
 * directories left out), parsed as Rego v1 and keyed by their path from the repository root, read
 * from a repository or from a source snapshot.
 */
public final class PolicyLibrary {
  public static final String DIRECTORY = "policies/lib";

  private final SortedMap<String, String> sources;
  private final List<Module> modules;

  private PolicyLibrary(SortedMap<String, String> sources, List<Module> modules) {
    this.sources = Collections.unmodifiableSortedMap(sources);
    this.modules = List.copyOf(modules);
  }

  public static PolicyLibrary load(Path repositoryRoot) throws BuildException {
    Path directory = repositoryRoot.resolve(DIRECTORY);
    if (!Files.isDirectory(directory)) {
      throw new BuildException(directory + ": no such directory (is " + repositoryRoot + " the repository root?)");
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName().toString();
          boolean skipped = !dir.equals(directory) && (name.startsWith(".") || name.equals("target"));
          return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (attrs.isRegularFile() && isModule(file.getFileName().toString())) {
            files.put(DIRECTORY + "/" + directory.relativize(file).toString().replace('\\', '/'),
                Files.readAllBytes(file));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new BuildException("cannot read " + directory + ": " + e.getMessage());
    }
    return decode(files);
  }

  /** The library in a source snapshot, read as {@link #load} reads it from a repository. */
  public static PolicyLibrary of(SourceSnapshot source) throws BuildException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    source.under(DIRECTORY).forEach((path, content) -> {
      if (isModule(path)) {
        files.put(path, content);
      }
    });
    return decode(files);
  }

  private static boolean isModule(String name) {
    return name.endsWith(".rego") && !name.endsWith("_test.rego");
  }

  private static PolicyLibrary decode(SortedMap<String, byte[]> files) throws BuildException {
    SortedMap<String, String> sources = new TreeMap<>();
    List<String> unreadable = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      try {
        sources.put(file.getKey(), utf8(file.getValue()));
      } catch (CharacterCodingException e) {
        unreadable.add(file.getKey() + ": not valid UTF-8");
      }
    }
    if (!unreadable.isEmpty()) {
      throw new BuildException("policy modules cannot be read", unreadable);
    }
    return of(sources);
  }

  /** A library from sources keyed by path; every module must parse. */
  public static PolicyLibrary of(Map<String, String> sources) throws BuildException {
    if (sources.isEmpty()) {
      throw new BuildException("no Rego modules under " + DIRECTORY);
    }
    List<Module> modules = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, String> source : new TreeMap<>(sources).entrySet()) {
      try {
        modules.add(Parser.parseModule(source.getKey(), source.getValue(), RegoVersion.V1));
      } catch (RegoException e) {
        e.errors().stream().map(RegoError::describe).forEach(errors::add);
      }
    }
    if (!errors.isEmpty()) {
      throw new BuildException("policy modules do not parse", errors);
    }
    return new PolicyLibrary(new TreeMap<>(sources), modules);
  }

  /** Module text by path from the repository root ({@code policies/lib/...}), sorted by path. */
  public SortedMap<String, String> sources() {
    return sources;
  }

  /** Each module's package below {@code data} ({@code package a.b} is [a, b]), in path order. */
  public List<List<String>> packagePaths() {
    return modules.stream().map(PolicyLibrary::packagePath).toList();
  }

  public Controls controls() {
    return Controls.of(packagePaths());
  }

  /** Compiles every module against {@code data}; each compile error names its file and line. */
  public Policy compile(ObjectValue data) throws BuildException {
    try {
      return Policy.compile(modules, data, Builtins.standard());
    } catch (RegoException e) {
      throw new BuildException("policy modules do not compile", e.errors().stream().map(RegoError::describe).toList());
    }
  }

  private static List<String> packagePath(Module module) {
    List<Term> terms = module.pkg().path().terms();
    List<String> path = new ArrayList<>();
    for (Term term : terms.subList(1, terms.size())) {
      if (term instanceof Scalar scalar && scalar.value() instanceof StringValue s) {
        path.add(s.value());
      }
    }
    return path;
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
