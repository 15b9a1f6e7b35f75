package io.kubepolicies.rego.builtins.crypto;

import io.kubepolicies.rego.builtins.gostd.GoUrl;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** A PKCS #10 request parsed like Go's {@code x509.ParseCertificateRequest}, as Go's JSON of it. */
final class GoCertificateRequest {
  private static final String EXTENSION_REQUEST = "1.2.840.113549.1.9.14";

  private GoCertificateRequest() {}

  static Value parse(byte[] der) {
    Der.Element outer = Der.read(der, 0, der.length);
    if (outer == null || outer.tag() != Der.SEQUENCE) {
      throw new X509Exception(outerError(der));
    }
    if (outer.end() != der.length) {
      throw new X509Exception("asn1: syntax error: trailing data");
    }
    List<Der.Element> parts = outer.children();
    List<Der.Element> tbsParts = parts == null || parts.isEmpty() ? null : parts.get(0).children();
    if (parts.size() != 3 || tbsParts == null || tbsParts.size() != 4 || tbsParts.get(3).tag() != 0xa0) {
      throw new X509Exception("asn1: structure error: malformed certificate request");
    }
    CertificationRequest csr;
    try {
      csr = CertificationRequest.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (Exception e) {
      throw new X509Exception("asn1: structure error: " + e.getMessage());
    }
    CertificationRequestInfo info = csr.getCertificationRequestInfo();
    SubjectPublicKeyInfo spki = info.getSubjectPublicKeyInfo();
    int publicKeyAlgorithm = GoKeys.publicKeyAlgorithm(spki.getAlgorithm().getAlgorithm());
    GoKeys.PublicKey publicKey = publicKeyAlgorithm == 0 ? null : GoKeys.publicKey(spki);

    List<Extension> extensions = requestedExtensions(info.getAttributes());
    GoCertificate.ExtensionFields san = new GoCertificate.ExtensionFields();
    for (Extension e : extensions == null ? List.<Extension>of() : extensions) {
      if (e.getExtnId().getId().equals("2.5.29.17")) {
        san.apply(e);
      }
    }
    return ObjectValue.builder()
        .put("Raw", GoValues.bytes(der))
        .put("RawTBSCertificateRequest", GoValues.bytes(parts.get(0).bytes()))
        .put("RawSubjectPublicKeyInfo", GoValues.bytes(tbsParts.get(2).bytes()))
        .put("RawSubject", GoValues.bytes(tbsParts.get(1).bytes()))
        .put("Version", NumberValue.of(info.getVersion().intValueExact()))
        .put("Signature", GoValues.bytes(csr.getSignature().getBytes()))
        .put("SignatureAlgorithm", NumberValue.of(GoCertificate.signatureAlgorithm(csr.getSignatureAlgorithm())))
        .put("PublicKeyAlgorithm", NumberValue.of(publicKeyAlgorithm))
        .put("PublicKey", publicKey == null ? NullValue.NULL : publicKey.json())
        .put("Subject", GoPkixName.toJson(tbsParts.get(1).bytes()))
        .put("Attributes", attributes(info.getAttributes()))
        .put("Extensions", GoValues.slice(extensions, GoCertificate::extensionJson))
        .put("ExtraExtensions", NullValue.NULL)
        .put("DNSNames", GoValues.strings(san.dnsNames))
        .put("EmailAddresses", GoValues.strings(san.emailAddresses))
        .put("IPAddresses", GoValues.strings(san.ipAddresses))
        .put("URIs", GoValues.slice(san.uris, GoUrl::toJson))
        .build();
  }

  /** Go's encoding/asn1 complaint about a top-level element that is not a SEQUENCE. */
  private static String outerError(byte[] der) {
    if (der.length < 2) {
      return "asn1: syntax error: truncated tag or length";
    }
    int b = der[0] & 0xff;
    int first = der[1] & 0xff;
    if ((b & 0x1f) == 0x1f || first >= 0x80) {
      return "asn1: structure error: tags don't match";
    }
    if (b == Der.SEQUENCE) {
      return "asn1: syntax error: data truncated";
    }
    return "asn1: structure error: tags don't match (16 vs {class:" + (b >> 6) + " tag:" + (b & 0x1f) + " length:" + first
        + " isCompound:" + ((b & 0x20) != 0) + "}) {optional:false explicit:false application:false private:false"
        + " defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false} certificateRequest @2";
  }

  private static List<Extension> requestedExtensions(ASN1Set attributes) {
    List<Extension> out = null;
    Set<String> seen = new HashSet<>();
    for (ASN1Encodable a : attributes == null ? new ASN1Encodable[0] : attributes.toArray()) {
      if (!(a instanceof ASN1Sequence attr) || attr.size() != 2 || !(attr.getObjectAt(1) instanceof ASN1Set values)
          || values.size() == 0 || !(attr.getObjectAt(0) instanceof ASN1ObjectIdentifier id)
          || !id.getId().equals(EXTENSION_REQUEST)) {
        continue;
      }
      ASN1Sequence requested;
      try {
        requested = ASN1Sequence.getInstance(values.getObjectAt(0));
      } catch (IllegalArgumentException e) {
        throw new X509Exception("asn1: structure error: malformed extension request");
      }
      for (ASN1Encodable e : requested) {
        Extension ext = Extension.getInstance(e);
        if (!seen.add(ext.getExtnId().getId())) {
          throw new X509Exception("x509: certificate request contains duplicate requested extensions");
        }
        out = GoValues.append(out, ext);
      }
    }
    return out;
  }

  /**
   * The deprecated {@code Attributes} field: attributes whose values are sets of
   * {@code SEQUENCE {OID, value}} lists; others (challengePassword, ...) are skipped, as in Go.
   */
  private static Value attributes(ASN1Set attributes) {
    List<Value> out = null;
    for (ASN1Encodable a : attributes == null ? new ASN1Encodable[0] : attributes.toArray()) {
      Value attr = attribute(a);
      if (attr != null) {
        out = GoValues.append(out, attr);
      }
    }
    return out == null ? NullValue.NULL : ArrayValue.of(out);
  }

  private static Value attribute(ASN1Encodable a) {
    if (!(a instanceof ASN1Sequence attr) || attr.size() != 2 || !(attr.getObjectAt(0) instanceof ASN1ObjectIdentifier type)
        || !(attr.getObjectAt(1) instanceof ASN1Set set)) {
      return null;
    }
    List<Value> outer = new ArrayList<>();
    for (ASN1Encodable inner : set) {
      if (!(inner instanceof ASN1Sequence list)) {
        return null;
      }
      List<Value> pairs = new ArrayList<>();
      for (ASN1Encodable item : list) {
        if (!(item instanceof ASN1Sequence pair) || pair.size() < 2 || !(pair.getObjectAt(0) instanceof ASN1ObjectIdentifier oid)) {
          return null;
        }
        Value value = anyValue(pair.getObjectAt(1));
        if (value == null) {
          return null;
        }
        pairs.add(ObjectValue.builder().put("Type", GoValues.oid(oid)).put("Value", value).build());
      }
      outer.add(ArrayValue.of(pairs));
    }
    return ObjectValue.builder().put("Type", GoValues.oid(type)).put("Value", ArrayValue.of(outer)).build();
  }

  /** The JSON of a value Go decodes into {@code any}; only the forms extension requests carry. */
  private static Value anyValue(ASN1Encodable v) {
    if (v instanceof ASN1Boolean b) {
      return BooleanValue.of(b.isTrue());
    }
    if (v instanceof ASN1OctetString s) {
      return GoValues.bytes(s.getOctets());
    }
    return null;
  }
}
