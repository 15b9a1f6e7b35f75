package io.kubepolicies.allowlists.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into JSON trees the way Kubernetes tooling sees them (YAML 1.1 scalars: unquoted
 * {@code yes}/{@code off} are booleans, {@code 012} is octal), but keeps what a person needs to fix
 * a file: the line of every value and the original text of every unquoted boolean or number.
 * Anchors, aliases and merge keys are resolved; duplicate keys, custom tags, binary values and
 * self-containing aliases are rejected. Dates stay strings, as in JSON.
 */
public final class YamlDocuments {
  private YamlDocuments() {}

  /** Reads a file that must hold exactly one YAML document. */
  public static SourceDocument readOne(Path file) throws ConfigException {
    return one(file.toString(), read(file));
  }

  public static SourceDocument parseOne(String file, String text) throws ConfigException {
    return one(file, text);
  }

  /** Every non-empty document of a multi-document stream ({@code ---}-separated), in order. */
  public static List<SourceDocument> parseAll(String file, String text) throws ConfigException {
    List<SourceDocument> documents = new ArrayList<>();
    Reading reading = new Reading(file);
    try {
      for (Node node : new Yaml(reading).composeAll(new StringReader(text))) {
        if (!isEmpty(node)) {
          documents.add(reading.document(node));
        }
      }
    } catch (YAMLException e) {
      throw reading.syntaxError(e);
    }
    return documents;
  }

  /** A file's text, which must be UTF-8. */
  public static String read(Path file) throws ConfigException {
    try {
      return text(file.toString(), Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(new ConfigProblem(file.toString(), 0, null, "no such file"));
    } catch (IOException e) {
      throw new ConfigException(new ConfigProblem(file.toString(), 0, null, "cannot read: " + e.getMessage()));
    }
  }

  /** The text of {@code content}, read from {@code file}, which must be UTF-8. */
  public static String text(String file, byte[] content) throws ConfigException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(new ConfigProblem(file, 0, null, "not valid UTF-8"));
    }
  }

  private static SourceDocument one(String file, String text) throws ConfigException {
    Reading reading = new Reading(file);
    Node first = null;
    try {
      for (Node node : new Yaml(reading).composeAll(new StringReader(text))) {
        if (first != null) {
          throw new ConfigException(new ConfigProblem(file, line(node.getStartMark()), null,
              "holds more than one YAML document; expected exactly one"));
        }
        first = node;
      }
    } catch (YAMLException e) {
      throw reading.syntaxError(e);
    }
    if (first == null) {
      throw new ConfigException(new ConfigProblem(file, 0, null, "holds no YAML document"));
    }
    return reading.document(first);
  }

  private static boolean isEmpty(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) && scalar.getValue().isEmpty();
  }

  private static int line(Mark mark) {
    return mark == null ? 0 : mark.getLine() + 1;
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return options;
  }

  /**
   * Converts composed YAML nodes; a {@link SafeConstructor} so that scalars resolve exactly as
   * SnakeYAML resolves them and merge keys flatten as it flattens them.
   */
  private static final class Reading extends SafeConstructor {
    private final String file;
    private Map<TreePath, Integer> lines;
    private Map<TreePath, String> plainScalars;
    private Set<Node> open;

    Reading(String file) {
      super(options());
      this.file = file;
    }

    SourceDocument document(Node root) throws ConfigException {
      lines = new HashMap<>();
      plainScalars = new HashMap<>();
      open = Collections.newSetFromMap(new IdentityHashMap<>());
      try {
        return new SourceDocument(file, convert(root, TreePath.ROOT), lines, plainScalars);
      } catch (YAMLException e) {
        throw syntaxError(e);
      }
    }

    ConfigException syntaxError(YAMLException e) {
      if (e instanceof MarkedYAMLException marked) {
        String context = marked.getContext();
        String reason = (context == null ? "" : context + ": ") + marked.getProblem();
        Mark at = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        String column = at == null ? "" : " (column " + (at.getColumn() + 1) + ")";
        return new ConfigException(new ConfigProblem(file, line(at), null, "invalid YAML: " + reason + column));
      }
      return new ConfigException(new ConfigProblem(file, 0, null, "invalid YAML: " + e.getMessage()));
    }

    private JsonNode convert(Node node, TreePath path) throws ConfigException {
      lines.put(path, line(node.getStartMark()));
      if (!open.add(node)) {
        throw problem(node, path, "an alias refers to a value that contains it");
      }
      try {
        switch (node.getNodeId()) {
          case mapping:
            return mapping((MappingNode) node, path);
          case sequence:
            return sequence((SequenceNode) node, path);
          case scalar:
            return scalar((ScalarNode) node, path);
          default:
            throw problem(node, path, "unsupported YAML node " + node.getNodeId());
        }
      } finally {
        open.remove(node);
      }
    }

    private JsonNode mapping(MappingNode node, TreePath path) throws ConfigException {
      if (!node.getTag().equals(Tag.MAP) && !node.getTag().equals(Tag.SET) && !node.getTag().equals(Tag.OMAP)) {
        throw problem(node, path, "unsupported YAML tag " + node.getTag());
      }
      flattenMapping(node);
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (NodeTuple tuple : node.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          throw problem(tuple.getKeyNode(), path,
              "a mapping key must be a plain value, not a " + tuple.getKeyNode().getNodeId());
        }
        TreePath at = path.member(key.getValue());
        object.set(key.getValue(), convert(tuple.getValueNode(), at));
      }
      return object;
    }

    private JsonNode sequence(SequenceNode node, TreePath path) throws ConfigException {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      List<Node> items = node.getValue();
      for (int i = 0; i < items.size(); i++) {
        array.add(convert(items.get(i), path.index(i)));
      }
      return array;
    }

    private JsonNode scalar(ScalarNode node, TreePath path) throws ConfigException {
      Tag tag = node.getTag();
      if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
        return JsonNodeFactory.instance.textNode(node.getValue());
      }
      if (tag.equals(Tag.NULL)) {
        return JsonNodeFactory.instance.nullNode();
      }
      if (!tag.equals(Tag.BOOL) && !tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT)) {
        throw problem(node, path, "unsupported YAML tag " + tag + " (JSON has no such value)");
      }
      if (node.isPlain()) {
        plainScalars.put(path, node.getValue());
      }
      Object value = constructObject(node);
      if (value instanceof Boolean b) {
        return JsonNodeFactory.instance.booleanNode(b);
      }
      if (value instanceof Integer i) {
        return JsonNodeFactory.instance.numberNode(i);
      }
      if (value instanceof Long l) {
        return JsonNodeFactory.instance.numberNode(l);
      }
      if (value instanceof BigInteger big) {
        return JsonNodeFactory.instance.numberNode(big);
      }
      double d = (Double) value;
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw problem(node, path, node.getValue() + " is not a number JSON can hold");
      }
      return JsonNodeFactory.instance.numberNode(decimal(node.getValue(), d));
    }

    /** The exact decimal of plain decimal notation; sexagesimal and the like go through the double. */
    private static BigDecimal decimal(String text, double value) {
      try {
        return new BigDecimal(text.replace("_", ""));
      } catch (NumberFormatException e) {
        return BigDecimal.valueOf(value);
      }
    }

    private ConfigException problem(Node node, TreePath path, String reason) {
      return new ConfigException(new ConfigProblem(file, line(node.getStartMark()), path, reason));
    }
  }
}
