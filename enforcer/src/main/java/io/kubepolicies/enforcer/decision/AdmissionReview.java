package io.kubepolicies.enforcer.decision;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code admission.k8s.io/v1} AdmissionReview request, parsed once: the whole review is the
 * policies' {@code input}; the fields the decision path itself needs are read out here.
 */
public final class AdmissionReview {
  public static final String API_VERSION = "admission.k8s.io/v1";

  private final Value review;
  private final String uid;
  private final String kind;
  private final String namespace;
  private final String name;
  private final String operation;
  private final String username;
  private final List<String> groups;
  private final boolean dryRun;
  private final ObjectValue object;

  private AdmissionReview(Value review, ObjectValue request) {
    this.review = review;
    this.uid = text(request, "uid");
    ObjectValue kindObject = request.get("kind") instanceof ObjectValue k ? k : ObjectValue.EMPTY;
    this.kind = text(kindObject, "kind");
    this.object = request.get("object") instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    ObjectValue meta = object.get("metadata") instanceof ObjectValue m ? m : ObjectValue.EMPTY;
    this.namespace = orElse(text(request, "namespace"), text(meta, "namespace"));
    this.name = orElse(text(request, "name"), orElse(text(meta, "name"), text(meta, "generateName")));
    this.operation = text(request, "operation");
    ObjectValue user = request.get("userInfo") instanceof ObjectValue u ? u : ObjectValue.EMPTY;
    this.username = text(user, "username");
    List<String> gs = new ArrayList<>();
    if (user.get("groups") instanceof ArrayValue a) {
      a.elements().forEach(g -> {
        if (g instanceof StringValue s) {
          gs.add(s.value());
        }
      });
    }
    this.groups = List.copyOf(gs);
    this.dryRun = BooleanValue.TRUE.equals(request.get("dryRun"));
  }

  /** Parses a request body; anything but a v1 AdmissionReview with a request uid is refused with the reason. */
  public static AdmissionReview parse(byte[] body) throws MalformedReviewException {
    Value review;
    try {
      review = Json.parse(body);
    } catch (Json.JsonException e) {
      throw new MalformedReviewException("request body is not valid JSON: " + e.getMessage());
    }
    return of(review);
  }

  /** Checks and wraps an already parsed review. */
  public static AdmissionReview of(Value review) throws MalformedReviewException {
    if (!(review instanceof ObjectValue root)) {
      throw new MalformedReviewException("an AdmissionReview must be a JSON object, not " + review.typeName());
    }
    String apiVersion = text(root, "apiVersion");
    if (!API_VERSION.equals(apiVersion)) {
      throw new MalformedReviewException("apiVersion must be " + API_VERSION + ", got "
          + (apiVersion.isEmpty() ? "none" : apiVersion));
    }
    if (!"AdmissionReview".equals(text(root, "kind"))) {
      throw new MalformedReviewException("kind must be AdmissionReview, got "
          + (text(root, "kind").isEmpty() ? "none" : text(root, "kind")));
    }
    if (!(root.get("request") instanceof ObjectValue request)) {
      throw new MalformedReviewException("AdmissionReview has no request object");
    }
    if (text(request, "uid").isEmpty()) {
      throw new MalformedReviewException("AdmissionReview request has no uid");
    }
    return new AdmissionReview(review, request);
  }

  private static String text(ObjectValue o, String key) {
    return o.get(key) instanceof StringValue s ? s.value() : "";
  }

  private static String orElse(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  /** The whole review, as the policies see it ({@code input}). */
  public Value input() {
    return review;
  }

  public String uid() {
    return uid;
  }

  /** The resource kind, e.g. {@code Deployment}. */
  public String kind() {
    return kind;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  /** CREATE, UPDATE, DELETE or CONNECT. */
  public String operation() {
    return operation;
  }

  public String username() {
    return username;
  }

  public List<String> groups() {
    return groups;
  }

  public boolean dryRun() {
    return dryRun;
  }

  /** {@code request.object}, or an empty object (DELETE carries none). */
  public ObjectValue object() {
    return object;
  }
}
