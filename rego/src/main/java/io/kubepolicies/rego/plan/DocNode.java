package io.kubepolicies.rego.plan;

import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the {@code data} document tree: the place of a package or rule, holding the rules
 * defined exactly here, the rules whose reference continues with variables below here, the base
 * data at this path and the child nodes. The compiler builds the tree; afterwards it is only read,
 * by any number of threads.
 */
public final class DocNode {
  private final Value[] path;
  private final int id;
  private final Map<Value, DocNode> children = new LinkedHashMap<>();
  private final List<CompiledRule> rules = new ArrayList<>();
  private final List<CompiledRule> dynamicRules = new ArrayList<>();
  // read-only views made once: queries read them on every rule evaluation
  private final Map<Value, DocNode> childrenView = Collections.unmodifiableMap(children);
  private final List<CompiledRule> rulesView = Collections.unmodifiableList(rules);
  private final List<CompiledRule> dynamicRulesView = Collections.unmodifiableList(dynamicRules);
  private CompiledRule defaultRule;
  private Value base;
  private int functionArity = -1;
  private boolean definesHere;
  private boolean definesBelow;

  public DocNode(Value[] path, int id) {
    this.path = path;
    this.id = id;
  }

  /** The path below {@code data}. */
  public Value[] path() {
    return path;
  }

  /** A dense number, used as the index of this node's memo slot during a query. */
  public int id() {
    return id;
  }

  public DocNode child(Value key) {
    return children.get(key);
  }

  public Map<Value, DocNode> children() {
    return childrenView;
  }

  /** Rules whose reference ends exactly here: complete rules, multi-value sets, functions. */
  public List<CompiledRule> rules() {
    return rulesView;
  }

  /** Rules whose reference continues below here with variables ({@code p[x] := y}). */
  public List<CompiledRule> dynamicRules() {
    return dynamicRulesView;
  }

  public CompiledRule defaultRule() {
    return defaultRule;
  }

  /** The base document at this path, or null. */
  public Value base() {
    return base;
  }

  /** Whether rules (complete, multi-value, default or functions) are defined exactly here. */
  public boolean hasRules() {
    return definesHere;
  }

  /** Whether rules with variables in their reference ({@code p[x] := y}) are defined here. */
  public boolean hasDynamicRules() {
    return definesBelow;
  }

  /** Whether functions are defined here (known before their bodies are planned, so calls can point here). */
  public boolean isFunction() {
    return functionArity >= 0;
  }

  /** The number of arguments of the functions defined here, or -1. */
  public int functionArity() {
    return functionArity;
  }

  /** Builds the tree; used only by the compiler. */
  public static final class Builder {
    private int nextId;
    private final DocNode root;

    public Builder(ObjectValue baseData) {
      root = new DocNode(new Value[0], nextId++);
      root.base = baseData;
    }

    public DocNode root() {
      return root;
    }

    public DocNode ensure(DocNode parent, Value key) {
      DocNode child = parent.children.get(key);
      if (child == null) {
        Value[] path = Arrays.copyOf(parent.path, parent.path.length + 1);
        path[parent.path.length] = key;
        child = new DocNode(path, nextId++);
        child.base = parent.base instanceof ObjectValue o ? o.get(key) : null;
        parent.children.put(key, child);
      }
      return child;
    }

    public void declareFunction(DocNode node, int arity) {
      node.functionArity = arity;
    }

    /** Records, before any rule is planned, that rules live at this node (so references stop here). */
    public void declareRule(DocNode node, boolean dynamic) {
      if (dynamic) {
        node.definesBelow = true;
      } else {
        node.definesHere = true;
      }
    }

    public void addRule(DocNode node, CompiledRule rule) {
      if (rule.isDefault()) {
        node.defaultRule = rule;
      } else if (rule.suffix().length == 0) {
        node.rules.add(rule);
      } else {
        node.dynamicRules.add(rule);
      }
    }

    /** The number of nodes, i.e. the size of a query's memo table. */
    public int size() {
      return nextId;
    }
  }
}
