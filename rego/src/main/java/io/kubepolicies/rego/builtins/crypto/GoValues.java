package io.kubepolicies.rego.builtins.crypto;

import io.kubepolicies.rego.builtins.gostd.GoBase64;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** How Go's {@code json.Marshal} renders the field types of the x509 structs. */
final class GoValues {
  private GoValues() {}

  /** {@code []byte}: base64, or null for a nil slice. */
  static Value bytes(byte[] b) {
    return b == null ? NullValue.NULL : StringValue.of(GoBase64.encodeStd(b));
  }

  /** A slice: null when nil (never appended to), otherwise an array of the converted elements. */
  static <T> Value slice(List<T> items, Function<T, Value> convert) {
    if (items == null) {
      return NullValue.NULL;
    }
    List<Value> out = new ArrayList<>(items.size());
    items.forEach(i -> out.add(convert.apply(i)));
    return ArrayValue.of(out);
  }

  static Value strings(List<String> items) {
    return slice(items, StringValue::of);
  }

  /** {@code asn1.ObjectIdentifier}, a slice of ints. */
  static Value oid(ASN1ObjectIdentifier oid) {
    List<Value> arcs = new ArrayList<>();
    for (String arc : oid.getId().split("\\.")) {
      arcs.add(NumberValue.parse(arc));
    }
    return ArrayValue.of(arcs);
  }

  /** Appends to a Go-style nil-able list. */
  static <T> List<T> append(List<T> list, T item) {
    List<T> out = list == null ? new ArrayList<>() : list;
    out.add(item);
    return out;
  }
}
