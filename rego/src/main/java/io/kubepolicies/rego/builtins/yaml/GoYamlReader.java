package io.kubepolicies.rego.builtins.yaml;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.gostd.GoBase64;
import io.kubepolicies.rego.builtins.gostd.GoFloat;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * YAML as OPA reads it: go-yaml v2 decodes the first document (YAML 1.1 scalars, merge keys with v2's
 * "later wins" order, its alias-expansion limit), then {@code sigs.k8s.io/yaml} turns map keys into
 * strings and the result into JSON. SnakeYAML does the syntax; resolution and conversion follow the
 * Go libraries, and syntax errors are reported in go-yaml's form, {@code yaml: line 1: did not find
 * expected ',' or ']'} (libyaml and SnakeYAML word their problems alike, so most texts map directly).
 */
public final class GoYamlReader {
  /** Tag given to untagged plain scalars, which go-yaml resolves itself. */
  private static final Tag PLAIN = new Tag("tag:kube-policies,2026:plain");
  private static final int MAX_NESTING = 1000;

  private int decodeCount;
  private int aliasCount;
  private int aliasDepth;
  private final Set<Node> decoded = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

  private GoYamlReader() {}

  /** {@code yaml.unmarshal}: the first document as a value; {@code null} for an empty stream. */
  public static Value unmarshal(String text) {
    Node root = compose(text);
    Object go = root == null ? null : new GoYamlReader().decode(root);
    return toValue(go);
  }

  private static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(Integer.MAX_VALUE);
    try {
      Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new PlainResolver(), options);
      return composer.checkNode() ? composer.getNode() : null;
    } catch (MarkedYAMLException e) {
      throw BuiltinException.error(goYamlMessage(e, text));
    } catch (ReaderException e) {
      throw BuiltinException.error("yaml: control characters are not allowed");
    } catch (YAMLException e) {
      throw BuiltinException.error("yaml: " + e.getMessage());
    }
  }

  /** Leaves untagged plain scalars to go-yaml's own resolution. */
  private static final class PlainResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      // none: see resolve
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      return kind == NodeId.scalar && implicit ? PLAIN : super.resolve(kind, value, implicit);
    }
  }

  // ---- go-yaml v2 decoding into Go-like values (String, Long, BigInteger, Double, Boolean, null, List, Map)

  private Object decode(Node n) {
    boolean alias = enter(n);
    try {
      Object v;
      if (n instanceof ScalarNode s) {
        v = scalar(s);
      } else if (n instanceof SequenceNode seq) {
        List<Object> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          items.add(decode(item));
        }
        v = items;
      } else {
        Map<Object, Object> map = new LinkedHashMap<>();
        mapping((MappingNode) n, map);
        v = map;
      }
      decoded.add(n);
      return v;
    } finally {
      exit(n, alias);
    }
  }

  /**
   * Counts the node as go-yaml does: a node decoded a second time is an alias expansion, and too much
   * expansion relative to the document is refused (billion laughs). A node inside itself is refused too.
   */
  private boolean enter(Node n) {
    decodeCount++;
    boolean alias = decoded.contains(n);
    if (alias) {
      aliasDepth++;
    }
    if (aliasDepth > 0) {
      aliasCount++;
    }
    if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
      throw BuiltinException.error("yaml: document contains excessive aliasing");
    }
    if (!inProgress.add(n)) {
      throw BuiltinException.error("yaml: anchor '" + n.getAnchor() + "' value contains itself");
    }
    return alias;
  }

  private void exit(Node n, boolean alias) {
    inProgress.remove(n);
    if (alias) {
      aliasDepth--;
    }
  }

  /** go-yaml v2's budget for alias expansion, relative to the work done. */
  private static double allowedAliasRatio(int decodeCount) {
    if (decodeCount <= 400_000) {
      return 0.99;
    }
    if (decodeCount >= 4_000_000) {
      return 0.10;
    }
    return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000.0);
  }

  /** Entries in document order, so that later keys (merged or not) replace earlier ones, as in go-yaml v2. */
  private void mapping(MappingNode n, Map<Object, Object> out) {
    for (NodeTuple t : n.getValue()) {
      if (isMerge(t.getKeyNode())) {
        merge(t.getValueNode(), out);
        continue;
      }
      Object key = decode(t.getKeyNode());
      if (key instanceof Map || key instanceof List) {
        throw BuiltinException.error("yaml: invalid map key: " + goSyntax(key));
      }
      out.put(key, decode(t.getValueNode()));
    }
  }

  private static boolean isMerge(Node key) {
    return key instanceof ScalarNode s && s.getValue().equals("<<")
        && (s.getTag() == PLAIN || s.getTag().equals(Tag.MERGE));
  }

  private void merge(Node value, Map<Object, Object> out) {
    if (value instanceof MappingNode m) {
      mergeOne(m, out);
    } else if (value instanceof SequenceNode seq) {
      // Earlier maps take precedence, so they are applied last.
      for (int i = seq.getValue().size() - 1; i >= 0; i--) {
        Node item = seq.getValue().get(i);
        if (!(item instanceof MappingNode m)) {
          throw wantMap();
        }
        mergeOne(m, out);
      }
    } else {
      throw wantMap();
    }
  }

  private void mergeOne(MappingNode m, Map<Object, Object> out) {
    boolean alias = enter(m);
    try {
      mapping(m, out);
      decoded.add(m);
    } finally {
      exit(m, alias);
    }
  }

  private static BuiltinException wantMap() {
    return BuiltinException.error("yaml: map merge requires map or sequence of maps as the value");
  }

  private Object scalar(ScalarNode s) {
    String value = s.getValue();
    Tag tag = s.getTag();
    if (tag == PLAIN) {
      return GoYamlScalars.resolve(value).value();
    }
    if (tag.equals(Tag.STR) || !tag.startsWith(Tag.PREFIX)) {
      return value;
    }
    if (tag.equals(Tag.BINARY)) {
      try {
        return new String(GoBase64.decodeStd(value.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
      } catch (GoBase64.CorruptInputException e) {
        throw BuiltinException.error(e.getMessage());
      }
    }
    String want = tag.getValue().substring(Tag.PREFIX.length());
    GoYamlScalars.Resolved r = GoYamlScalars.resolve(value);
    if (r.tag().equals(want) || want.equals("timestamp") && r.tag().equals("str")) {
      return r.value();
    }
    if (want.equals("float") && r.value() instanceof Long l) {
      return l.doubleValue();
    }
    if (want.equals("float") && r.value() instanceof BigInteger b) {
      return b.doubleValue();
    }
    if (List.of("int", "float", "bool", "null").contains(want)) {
      throw BuiltinException.error("yaml: cannot decode !!" + r.tag() + " `" + value + "` as a !!" + want);
    }
    return value;
  }

  // ---- sigs.k8s.io/yaml: string keys, then JSON (floats must be finite)

  private static Value toValue(Object go) {
    if (go == null) {
      return NullValue.NULL;
    }
    if (go instanceof String s) {
      return StringValue.of(s);
    }
    if (go instanceof Boolean b) {
      return BooleanValue.of(b);
    }
    if (go instanceof Long l) {
      return NumberValue.of(l);
    }
    if (go instanceof BigInteger b) {
      return NumberValue.of(new BigDecimal(b));
    }
    if (go instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw BuiltinException.error("json: unsupported value: " + (d.isNaN() ? "NaN" : d > 0 ? "+Inf" : "-Inf"));
      }
      return NumberValue.of(GoFloat.shortest(d));
    }
    if (go instanceof List<?> list) {
      List<Value> items = new ArrayList<>(list.size());
      for (Object item : list) {
        items.add(toValue(item));
      }
      return ArrayValue.of(items);
    }
    ObjectValue.Builder b = ObjectValue.builder();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) go).entrySet()) {
      b.put(jsonKey(e.getKey(), e.getValue()), toValue(e.getValue()));
    }
    return b.build();
  }

  private static String jsonKey(Object key, Object value) {
    if (key instanceof String s) {
      return s;
    }
    if (key instanceof Long l) {
      return Long.toString(l);
    }
    if (key instanceof Boolean b) {
      return b.toString();
    }
    if (key instanceof Double d) {
      if (d.isNaN()) {
        return ".nan";
      }
      if (d.isInfinite()) {
        return d > 0 ? ".inf" : "-.inf";
      }
      float f = d.floatValue();
      return GoFloat.formatShortest(f, 'g');
    }
    String type = key == null ? "%!s(<nil>)" : "uint64";
    throw BuiltinException.error("unsupported map key of type: " + type + ", key: " + goSyntax(key)
        + ", value: " + goSyntax(value));
  }

  /** An approximation of Go's {@code %#v}, for the rare error messages that show decoded values. */
  private static String goSyntax(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String s) {
      return GoQuote.quote(s);
    }
    if (v instanceof BigInteger b) {
      return "0x" + b.toString(16);
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(item -> parts.add(goSyntax(item)));
      return "[]interface {}{" + String.join(", ", parts) + "}";
    }
    if (v instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>();
      map.forEach((k, val) -> parts.add(goSyntax(k) + ":" + goSyntax(val)));
      return "map[interface {}]interface {}{" + String.join(", ", parts) + "}";
    }
    return v.toString();
  }

  // ---- error messages

  /**
   * go-yaml's {@code yaml: line N: problem}. Scanner problems count lines from 1; parser problems use
   * libyaml's 0-based mark, where the end of a stream without a final newline sits on the next line.
   */
  static String goYamlMessage(MarkedYAMLException e, String text) {
    String problem = problem(e);
    Mark mark = e.getProblemMark();
    int line = 0;
    if (e instanceof ScannerException) {
      line = mark == null ? 0 : mark.getLine() + 1;
    } else if (e instanceof ParserException) {
      if (mark != null) {
        boolean streamEnd = mark.getIndex() >= text.codePointCount(0, text.length());
        line = mark.getLine() + (streamEnd && mark.getColumn() != 0 ? 1 : 0);
      }
      if (line == 0 && e.getContextMark() != null) {
        line = e.getContextMark().getLine();
      }
    }
    return "yaml: " + (line != 0 ? "line " + line + ": " : "") + problem;
  }

  /** libyaml's wording of the problem SnakeYAML found. */
  private static String problem(MarkedYAMLException e) {
    String p = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    if (p.startsWith("expected ',' or ']'")) {
      return "did not find expected ',' or ']'";
    }
    if (p.startsWith("expected ',' or '}'")) {
      return "did not find expected ',' or '}'";
    }
    if (p.startsWith("expected <block end>")) {
      return context.contains("block mapping") ? "did not find expected key" : "did not find expected '-' indicator";
    }
    if (p.startsWith("expected '<document start>'")) {
      return "did not find expected <document start>";
    }
    if (p.startsWith("expected the node content")) {
      return "did not find expected node content";
    }
    if (p.startsWith("mapping values are not allowed")) {
      return "mapping values are not allowed in this context";
    }
    if (p.startsWith("sequence entries are not allowed")) {
      return "block sequence entries are not allowed in this context";
    }
    if (p.startsWith("found character") && p.contains("cannot start any token")) {
      return "found character that cannot start any token";
    }
    if (p.startsWith("found unknown escape character")) {
      return "found unknown escape character";
    }
    if (p.startsWith("expected alphabetic or numeric character")) {
      return "did not find expected alphabetic or numeric character";
    }
    if (p.startsWith("expected a comment or a line break")) {
      return "did not find expected comment or line break";
    }
    if (p.startsWith("found undefined alias ")) {
      return "unknown anchor '" + p.substring("found undefined alias ".length()) + "' referenced";
    }
    return p;
  }
}
