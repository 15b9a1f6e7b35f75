package io.kubepolicies.ci.check;

import io.kubepolicies.allowlists.document.ConfigException;
import io.kubepolicies.allowlists.document.SourceDocument;
import io.kubepolicies.allowlists.document.YamlDocuments;
import io.kubepolicies.ci.load.DirectoryFiles;
import io.kubepolicies.enforcer.decision.AdmissionReview;
import io.kubepolicies.enforcer.decision.MalformedReviewException;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Kubernetes manifests the way {@code kubectl apply -f} takes them: YAML files with any number
 * of documents, JSON files, directories (their {@code .yaml}, {@code .yml} and {@code .json} files,
 * sorted; hidden directories and {@code target/} skipped), and {@code List} kinds unpacked into
 * their items. An AdmissionReview document stands for the request it records.
 */
final class ManifestReader {
  private ManifestReader() {}

  static List<Resource> read(List<Path> paths) throws UnreadableInputException {
    List<Resource> resources = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        for (Path file : manifestsUnder(path)) {
          readFile(file, resources);
        }
      } else if (Files.exists(path)) {
        readFile(path, resources);
      } else {
        throw new UnreadableInputException(path + ": no such file or directory");
      }
    }
    return resources;
  }

  private static List<Path> manifestsUnder(Path directory) throws UnreadableInputException {
    try {
      return DirectoryFiles.under(directory, name -> name.endsWith(".yaml") || name.endsWith(".yml")
          || name.endsWith(".json"));
    } catch (IOException e) {
      throw new UnreadableInputException(directory + ": cannot read: " + e.getMessage());
    }
  }

  private static void readFile(Path file, List<Resource> resources) throws UnreadableInputException {
    String name = file.toString();
    List<Value> documents = new ArrayList<>();
    try {
      String text = YamlDocuments.read(file);
      if (name.endsWith(".json")) {
        documents.add(Json.parse(text));
      } else {
        for (SourceDocument document : YamlDocuments.parseAll(name, text)) {
          documents.add(Json.fromNode(document.root()));
        }
      }
    } catch (ConfigException e) {
      throw new UnreadableInputException(e.getMessage());
    } catch (Json.JsonException e) {
      throw new UnreadableInputException(name + ": invalid JSON: " + e.getMessage());
    }
    for (int i = 0; i < documents.size(); i++) {
      add(name, documents.get(i), "document " + (i + 1), resources);
    }
  }

  private static void add(String file, Value document, String where, List<Resource> resources)
      throws UnreadableInputException {
    if (!(document instanceof ObjectValue object) || !(object.get("kind") instanceof StringValue kind)
        || kind.value().isEmpty()) {
      throw new UnreadableInputException(file + ": " + where + " is not a Kubernetes object (it has no kind)");
    }
    if (kind.value().equals("AdmissionReview")) {
      if (!(object.get(StringValue.of("request")) instanceof ObjectValue request)
          || !(request.get(StringValue.of("object")) instanceof ObjectValue reviewed)) {
        throw new UnreadableInputException(file + ": " + where + " is an AdmissionReview without request.object");
      }
      try {
        AdmissionReview.of(object);
      } catch (MalformedReviewException e) {
        throw new UnreadableInputException(file + ": " + where + ": " + e.getMessage());
      }
      resources.add(new Resource(file, reviewed, Optional.of(object)));
      return;
    }
    if (kind.value().endsWith("List") && object.get("items") instanceof ArrayValue items) {
      List<Value> elements = items.elements();
      for (int i = 0; i < elements.size(); i++) {
        add(file, elements.get(i), where + ", item " + (i + 1), resources);
      }
      return;
    }
    resources.add(Resource.manifest(file, object));
  }
}
