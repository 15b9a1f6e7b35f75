package io.kubepolicies.rego.builtins.crypto;

import io.kubepolicies.rego.builtins.gostd.GoIp;
import io.kubepolicies.rego.builtins.gostd.GoUrl;
import io.kubepolicies.rego.builtins.gostd.UrlError;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.GoQuote;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;

/**
 * One certificate parsed the way Go's {@code x509.ParseCertificate} does it, with the JSON Go's
 * {@code json.Marshal} makes of the resulting {@code x509.Certificate} (Go 1.24 field set).
 */
final class GoCertificate {
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /** Go's x509.SignatureAlgorithm values by OID (RSASSA-PSS is decided by its parameters). */
  private static final Map<String, Integer> SIGNATURE_ALGORITHMS = Map.ofEntries(
      Map.entry("1.2.840.113549.1.1.2", 1),
      Map.entry("1.2.840.113549.1.1.4", 2),
      Map.entry("1.2.840.113549.1.1.5", 3),
      Map.entry("1.3.14.3.2.29", 3),
      Map.entry("1.2.840.113549.1.1.11", 4),
      Map.entry("1.2.840.113549.1.1.12", 5),
      Map.entry("1.2.840.113549.1.1.13", 6),
      Map.entry("1.2.840.10040.4.3", 7),
      Map.entry("2.16.840.1.101.3.4.3.2", 8),
      Map.entry("1.2.840.10045.4.1", 9),
      Map.entry("1.2.840.10045.4.3.2", 10),
      Map.entry("1.2.840.10045.4.3.3", 11),
      Map.entry("1.2.840.10045.4.3.4", 12),
      Map.entry("1.3.101.112", 16));
  private static final String OID_PSS = "1.2.840.113549.1.1.10";
  private static final Map<String, int[]> PSS_HASHES = Map.of(
      "2.16.840.1.101.3.4.2.1", new int[] {13, 32},
      "2.16.840.1.101.3.4.2.2", new int[] {14, 48},
      "2.16.840.1.101.3.4.2.3", new int[] {15, 64});

  /** Go's x509.ExtKeyUsage values by OID. */
  static final Map<String, Integer> EXT_KEY_USAGES = Map.ofEntries(
      Map.entry("2.5.29.37.0", 0),
      Map.entry("1.3.6.1.5.5.7.3.1", 1),
      Map.entry("1.3.6.1.5.5.7.3.2", 2),
      Map.entry("1.3.6.1.5.5.7.3.3", 3),
      Map.entry("1.3.6.1.5.5.7.3.4", 4),
      Map.entry("1.3.6.1.5.5.7.3.5", 5),
      Map.entry("1.3.6.1.5.5.7.3.6", 6),
      Map.entry("1.3.6.1.5.5.7.3.7", 7),
      Map.entry("1.3.6.1.5.5.7.3.8", 8),
      Map.entry("1.3.6.1.5.5.7.3.9", 9),
      Map.entry("1.3.6.1.4.1.311.10.3.3", 10),
      Map.entry("2.16.840.1.113730.4.1", 11),
      Map.entry("1.3.6.1.4.1.311.2.1.22", 12),
      Map.entry("1.3.6.1.4.1.311.61.1.1", 13));

  private final byte[] raw;
  private final byte[] subjectPublicKeyInfo;
  private final ObjectValue json;
  private final ExtensionFields extensions;
  private final GoKeys.PublicKey publicKey;

  private GoCertificate(byte[] raw, byte[] subjectPublicKeyInfo, ObjectValue json, ExtensionFields extensions,
      GoKeys.PublicKey publicKey) {
    this.raw = raw;
    this.subjectPublicKeyInfo = subjectPublicKeyInfo;
    this.json = json;
    this.extensions = extensions;
    this.publicKey = publicKey;
  }

  /** Go's {@code x509.ParseCertificates}: any number of concatenated DER certificates. */
  static List<GoCertificate> parseAll(byte[] der) {
    List<GoCertificate> out = new ArrayList<>();
    int pos = 0;
    while (pos < der.length) {
      Der.Element e = Der.read(der, pos, der.length);
      if (e == null || e.tag() != Der.SEQUENCE) {
        throw new X509Exception("x509: malformed certificate");
      }
      out.add(parse(e.bytes()));
      pos = e.end();
    }
    return out;
  }

  /** Go's {@code x509.ParseCertificate}: exactly one DER certificate. */
  static GoCertificate parseOne(byte[] der) {
    Der.Element e = Der.read(der, 0, der.length);
    if (e == null || e.tag() != Der.SEQUENCE) {
      throw new X509Exception("x509: malformed certificate");
    }
    if (e.end() != der.length) {
      throw new X509Exception("x509: trailing data");
    }
    return parse(der);
  }

  private static GoCertificate parse(byte[] raw) {
    Der.Element outer = Der.read(raw, 0, raw.length);
    List<Der.Element> parts = outer.children();
    if (parts == null || parts.size() != 3 || parts.get(0).tag() != Der.SEQUENCE) {
      throw new X509Exception("x509: malformed certificate");
    }
    Der.Element tbsElement = parts.get(0);
    List<Der.Element> tbsParts = tbsElement.children();
    if (tbsParts == null) {
      throw new X509Exception("x509: malformed tbs certificate");
    }
    int i = !tbsParts.isEmpty() && tbsParts.get(0).tag() == 0xa0 ? 1 : 0;
    if (tbsParts.size() < i + 6) {
      throw new X509Exception("x509: malformed tbs certificate");
    }
    Der.Element issuerElement = tbsParts.get(i + 2);
    Der.Element subjectElement = tbsParts.get(i + 4);
    Der.Element spkiElement = tbsParts.get(i + 5);
    if (!Arrays.equals(tbsParts.get(i + 1).bytes(), parts.get(1).bytes())) {
      throw new X509Exception("x509: inner and outer signature algorithm identifiers don't match");
    }

    Certificate cert;
    try {
      cert = Certificate.getInstance(ASN1Primitive.fromByteArray(raw));
    } catch (Exception e) {
      throw new X509Exception("x509: malformed certificate");
    }
    TBSCertificate tbs = cert.getTBSCertificate();
    int version = tbs.getVersionNumber();
    if (version < 1 || version > 3) {
      throw new X509Exception("x509: invalid version");
    }
    BigInteger serial = tbs.getSerialNumber().getValue();
    if (serial.signum() < 0) {
      throw new X509Exception("x509: negative serial number");
    }
    SubjectPublicKeyInfo spki = tbs.getSubjectPublicKeyInfo();
    int publicKeyAlgorithm = GoKeys.publicKeyAlgorithm(spki.getAlgorithm().getAlgorithm());
    GoKeys.PublicKey publicKey = publicKeyAlgorithm == 0 ? null : GoKeys.publicKey(spki);

    ExtensionFields ext = new ExtensionFields();
    Extensions extensions = tbs.getExtensions();
    List<Value> extensionList = null;
    if (version == 3 && extensions != null) {
      for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
        Extension e = extensions.getExtension(oid);
        extensionList = GoValues.append(extensionList, extensionJson(e));
        ext.apply(e);
      }
    }

    ObjectValue.Builder json = ObjectValue.builder()
        .put("Raw", GoValues.bytes(raw))
        .put("RawTBSCertificate", GoValues.bytes(tbsElement.bytes()))
        .put("RawSubjectPublicKeyInfo", GoValues.bytes(spkiElement.bytes()))
        .put("RawSubject", GoValues.bytes(subjectElement.bytes()))
        .put("RawIssuer", GoValues.bytes(issuerElement.bytes()))
        .put("Signature", GoValues.bytes(cert.getSignature().getOctets()))
        .put("SignatureAlgorithm", NumberValue.of(signatureAlgorithm(cert.getSignatureAlgorithm())))
        .put("PublicKeyAlgorithm", NumberValue.of(publicKeyAlgorithm))
        .put("PublicKey", publicKey == null ? NullValue.NULL : publicKey.json())
        .put("Version", NumberValue.of(version))
        .put("SerialNumber", NumberValue.of(serial))
        .put("Issuer", GoPkixName.toJson(issuerElement.bytes()))
        .put("Subject", GoPkixName.toJson(subjectElement.bytes()))
        .put("NotBefore", StringValue.of(time(tbs.getStartDate())))
        .put("NotAfter", StringValue.of(time(tbs.getEndDate())))
        .put("Extensions", extensionList == null ? NullValue.NULL : ArrayValue.of(extensionList))
        .put("ExtraExtensions", NullValue.NULL);
    ext.fields().forEach(json::put);
    return new GoCertificate(raw, spkiElement.bytes(), json.build(), ext, publicKey);
  }

  static Value extensionJson(Extension e) {
    return ObjectValue.builder()
        .put("Id", GoValues.oid(e.getExtnId()))
        .put("Critical", BooleanValue.of(e.isCritical()))
        .put("Value", GoValues.bytes(e.getExtnValue().getOctets()))
        .build();
  }

  private static String time(Time t) {
    return RFC3339.format(t.getDate().toInstant());
  }

  static int signatureAlgorithm(AlgorithmIdentifier ai) {
    String oid = ai.getAlgorithm().getId();
    if (!oid.equals(OID_PSS)) {
      return SIGNATURE_ALGORITHMS.getOrDefault(oid, 0);
    }
    try {
      RSASSAPSSparams params = RSASSAPSSparams.getInstance(ai.getParameters());
      AlgorithmIdentifier hash = params.getHashAlgorithm();
      AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
      AlgorithmIdentifier mgfHash = AlgorithmIdentifier.getInstance(mgf.getParameters());
      boolean nullOrAbsent = isNullOrAbsent(hash.getParameters()) && isNullOrAbsent(mgfHash.getParameters());
      int[] expected = PSS_HASHES.get(hash.getAlgorithm().getId());
      if (!nullOrAbsent || !mgf.getAlgorithm().getId().equals("1.2.840.113549.1.1.8")
          || !mgfHash.getAlgorithm().equals(hash.getAlgorithm()) || params.getTrailerField().intValue() != 1
          || expected == null || params.getSaltLength().intValue() != expected[1]) {
        return 0;
      }
      return expected[0];
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static boolean isNullOrAbsent(ASN1Encodable e) {
    return e == null || DERNull.INSTANCE.equals(e);
  }

  /** The Go JSON of this certificate as {@code x509.Certificate}. */
  ObjectValue json() {
    return json;
  }

  /** The JSON OPA's parse built-ins return: the certificate plus {@code URIStrings}. */
  ObjectValue jsonWithUriStrings() {
    return json.with(StringValue.of("URIStrings"), GoValues.strings(extensions.uriStrings()));
  }

  byte[] raw() {
    return raw.clone();
  }

  List<String> dnsNames() {
    return extensions.dnsNames == null ? List.of() : extensions.dnsNames;
  }

  List<String> ipAddresses() {
    return extensions.ipAddresses == null ? List.of() : extensions.ipAddresses;
  }

  /** Known extended key usages as Go's enum values. */
  List<Integer> extKeyUsages() {
    return extensions.extKeyUsages == null ? List.of() : extensions.extKeyUsages;
  }

  /** Whether the certificate restricts its extended key usages at all (known or unknown ones). */
  boolean restrictsExtKeyUsage() {
    return extensions.extKeyUsages != null || extensions.unknownExtKeyUsages != null;
  }

  GoKeys.PublicKey publicKey() {
    return publicKey;
  }

  byte[] subjectPublicKeyInfo() {
    return subjectPublicKeyInfo.clone();
  }

  X509Certificate toJdk() {
    try {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(raw));
    } catch (CertificateException e) {
      throw new X509Exception("x509: " + e.getMessage());
    }
  }

  Instant notAfter() {
    return Instant.parse(((StringValue) json.get("NotAfter")).value());
  }

  Instant notBefore() {
    return Instant.parse(((StringValue) json.get("NotBefore")).value());
  }

  /** The fields Go derives from extensions, collected as Go's processExtensions does. */
  static final class ExtensionFields {
    int keyUsage;
    List<Value> unhandledCritical;
    List<Integer> extKeyUsages;
    List<Value> unknownExtKeyUsages;
    boolean basicConstraintsValid;
    boolean isCa;
    int maxPathLen;
    byte[] subjectKeyId;
    byte[] authorityKeyId;
    List<String> ocspServer;
    List<String> issuingCertificateUrl;
    List<String> dnsNames;
    List<String> emailAddresses;
    List<String> ipAddresses;
    List<GoUrl> uris;
    boolean permittedDnsDomainsCritical;
    final NameConstraints permitted = new NameConstraints();
    final NameConstraints excluded = new NameConstraints();
    List<String> crlDistributionPoints;
    List<Value> policyIdentifiers;
    List<String> policies;
    int inhibitAnyPolicy;
    boolean inhibitAnyPolicyZero;
    int inhibitPolicyMapping;
    boolean inhibitPolicyMappingZero;
    int requireExplicitPolicy;
    boolean requireExplicitPolicyZero;
    List<Value> policyMappings;

    List<String> uriStrings() {
      return uris == null ? null : uris.stream().map(GoUrl::toString).toList();
    }

    void apply(Extension e) {
      String id = e.getExtnId().getId();
      ASN1Primitive value;
      try {
        value = ASN1Primitive.fromByteArray(e.getExtnValue().getOctets());
      } catch (Exception ex) {
        throw new X509Exception("x509: malformed extension value");
      }
      boolean unhandled = false;
      try {
        switch (id) {
          case "2.5.29.15" -> keyUsage = keyUsage(value);
          case "2.5.29.19" -> basicConstraints(value);
          case "2.5.29.17" -> unhandled = subjectAltNames(value);
          case "2.5.29.30" -> unhandled = nameConstraints(value, e.isCritical());
          case "2.5.29.31" -> crlDistributionPoints(value);
          case "2.5.29.35" -> authorityKeyId(value);
          case "2.5.29.37" -> extKeyUsage(value);
          case "2.5.29.14" -> subjectKeyId = ASN1OctetString.getInstance(value).getOctets();
          case "2.5.29.32" -> certificatePolicies(value);
          case "2.5.29.33" -> policyMappings(value);
          case "2.5.29.36" -> policyConstraints(value);
          case "2.5.29.54" -> {
            inhibitAnyPolicy = ASN1Integer.getInstance(value).intValueExact();
            inhibitAnyPolicyZero = inhibitAnyPolicy == 0;
          }
          case "1.3.6.1.5.5.7.1.1" -> authorityInfoAccess(value);
          default -> unhandled = true;
        }
      } catch (X509Exception ex) {
        throw ex;
      } catch (RuntimeException ex) {
        throw new X509Exception("x509: invalid extension " + id);
      }
      if (unhandled && e.isCritical()) {
        unhandledCritical = GoValues.append(unhandledCritical, GoValues.oid(e.getExtnId()));
      }
    }

    private static int keyUsage(ASN1Primitive value) {
      ASN1BitString bits = ASN1BitString.getInstance(value);
      byte[] b = bits.getBytes();
      int usable = b.length * 8 - bits.getPadBits();
      int usage = 0;
      for (int i = 0; i < 9 && i < usable; i++) {
        if ((b[i / 8] >> (7 - i % 8) & 1) != 0) {
          usage |= 1 << i;
        }
      }
      return usage;
    }

    private void basicConstraints(ASN1Primitive value) {
      ASN1Sequence seq = ASN1Sequence.getInstance(value);
      maxPathLen = -1;
      for (ASN1Encodable part : seq) {
        if (part instanceof ASN1Boolean b) {
          isCa = b.isTrue();
        } else if (part instanceof ASN1Integer n) {
          maxPathLen = n.intValueExact();
        }
      }
      basicConstraintsValid = true;
    }

    /** Returns true when the extension named nothing Go understands (it is then "unhandled"). */
    private boolean subjectAltNames(ASN1Primitive value) {
      for (ASN1Encodable item : ASN1Sequence.getInstance(value)) {
        GeneralName name = GeneralName.getInstance(item);
        switch (name.getTagNo()) {
          case GeneralName.rfc822Name -> emailAddresses = GoValues.append(emailAddresses, ia5(name, "rfc822Name"));
          case GeneralName.dNSName -> dnsNames = GoValues.append(dnsNames, ia5(name, "dNSName"));
          case GeneralName.uniformResourceIdentifier -> {
            String text = ia5(name, "uniformResourceIdentifier");
            try {
              uris = GoValues.append(uris, GoUrl.parse(text));
            } catch (UrlError ex) {
              throw new X509Exception("x509: cannot parse URI " + GoQuote.quote(text) + ": " + ex.getMessage());
            }
          }
          case GeneralName.iPAddress -> {
            byte[] ip = ASN1OctetString.getInstance(name.getName()).getOctets();
            if (ip.length != 4 && ip.length != 16) {
              throw new X509Exception("x509: cannot parse IP address of length " + ip.length);
            }
            ipAddresses = GoValues.append(ipAddresses, GoIp.format(ip));
          }
          default -> {
            // other name forms are ignored, as in Go
          }
        }
      }
      return dnsNames == null && emailAddresses == null && ipAddresses == null && uris == null;
    }

    private static String ia5(GeneralName name, String what) {
      ASN1Encodable n = name.getName();
      if (!(n instanceof ASN1IA5String s)) {
        throw new X509Exception("x509: SAN " + what + " is malformed");
      }
      return s.getString();
    }

    private boolean nameConstraints(ASN1Primitive value, boolean critical) {
      boolean unhandled = false;
      for (ASN1Encodable part : ASN1Sequence.getInstance(value)) {
        ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(part);
        NameConstraints target = tagged.getTagNo() == 0 ? permitted : excluded;
        for (ASN1Encodable subtree : ASN1Sequence.getInstance(tagged, false)) {
          GeneralName base = GeneralName.getInstance(ASN1Sequence.getInstance(subtree).getObjectAt(0));
          unhandled |= !target.add(base);
        }
      }
      permittedDnsDomainsCritical = critical;
      return unhandled;
    }

    private void crlDistributionPoints(ASN1Primitive value) {
      for (ASN1Encodable dp : ASN1Sequence.getInstance(value)) {
        ASN1Sequence point = ASN1Sequence.getInstance(dp);
        if (point.size() == 0 || !(point.getObjectAt(0) instanceof ASN1TaggedObject name) || name.getTagNo() != 0) {
          continue;
        }
        ASN1TaggedObject fullName = ASN1TaggedObject.getInstance(name.getExplicitBaseObject());
        if (fullName.getTagNo() != 0) {
          continue;
        }
        for (ASN1Encodable gn : ASN1Sequence.getInstance(fullName, false)) {
          GeneralName n = GeneralName.getInstance(gn);
          if (n.getTagNo() != GeneralName.uniformResourceIdentifier) {
            break;
          }
          crlDistributionPoints = GoValues.append(crlDistributionPoints, ((ASN1IA5String) n.getName()).getString());
        }
      }
    }

    private void authorityKeyId(ASN1Primitive value) {
      for (ASN1Encodable part : ASN1Sequence.getInstance(value)) {
        if (part instanceof ASN1TaggedObject t && t.getTagNo() == 0) {
          authorityKeyId = ASN1OctetString.getInstance(t, false).getOctets();
        }
      }
    }

    private void extKeyUsage(ASN1Primitive value) {
      for (ASN1Encodable part : ASN1Sequence.getInstance(value)) {
        ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(part);
        Integer known = EXT_KEY_USAGES.get(oid.getId());
        if (known != null) {
          extKeyUsages = GoValues.append(extKeyUsages, known);
        } else {
          unknownExtKeyUsages = GoValues.append(unknownExtKeyUsages, GoValues.oid(oid));
        }
      }
    }

    private void certificatePolicies(ASN1Primitive value) {
      policyIdentifiers = new ArrayList<>();
      policies = new ArrayList<>();
      for (ASN1Encodable part : ASN1Sequence.getInstance(value)) {
        ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(ASN1Sequence.getInstance(part).getObjectAt(0));
        if (policies.contains(oid.getId())) {
          throw new X509Exception("x509: invalid certificate policies");
        }
        policies.add(oid.getId());
        policyIdentifiers.add(GoValues.oid(oid));
      }
    }

    private void policyMappings(ASN1Primitive value) {
      for (ASN1Encodable part : ASN1Sequence.getInstance(value)) {
        ASN1Sequence mapping = ASN1Sequence.getInstance(part);
        policyMappings = GoValues.append(policyMappings, ObjectValue.builder()
            .put("IssuerDomainPolicy", StringValue.of(ASN1ObjectIdentifier.getInstance(mapping.getObjectAt(0)).getId()))
            .put("SubjectDomainPolicy", StringValue.of(ASN1ObjectIdentifier.getInstance(mapping.getObjectAt(1)).getId()))
            .build());
      }
    }

    private void policyConstraints(ASN1Primitive value) {
      for (ASN1Encodable part : ASN1Sequence.getInstance(value)) {
        ASN1TaggedObject t = ASN1TaggedObject.getInstance(part);
        int n = ASN1Integer.getInstance(t, false).intValueExact();
        if (t.getTagNo() == 0) {
          requireExplicitPolicy = n;
          requireExplicitPolicyZero = n == 0;
        } else if (t.getTagNo() == 1) {
          inhibitPolicyMapping = n;
          inhibitPolicyMappingZero = n == 0;
        }
      }
    }

    private void authorityInfoAccess(ASN1Primitive value) {
      for (ASN1Encodable part : ASN1Sequence.getInstance(value)) {
        ASN1Sequence ad = ASN1Sequence.getInstance(part);
        String method = ASN1ObjectIdentifier.getInstance(ad.getObjectAt(0)).getId();
        GeneralName location = GeneralName.getInstance(ad.getObjectAt(1));
        if (location.getTagNo() != GeneralName.uniformResourceIdentifier) {
          continue;
        }
        String uri = ((ASN1IA5String) location.getName()).getString();
        if (method.equals("1.3.6.1.5.5.7.48.1")) {
          ocspServer = GoValues.append(ocspServer, uri);
        } else if (method.equals("1.3.6.1.5.5.7.48.2")) {
          issuingCertificateUrl = GoValues.append(issuingCertificateUrl, uri);
        }
      }
    }

    Map<String, Value> fields() {
      Map<String, Value> f = new LinkedHashMap<>();
      f.put("KeyUsage", NumberValue.of(keyUsage));
      f.put("UnhandledCriticalExtensions", GoValues.slice(unhandledCritical, v -> v));
      f.put("ExtKeyUsage", GoValues.slice(extKeyUsages, NumberValue::of));
      f.put("UnknownExtKeyUsage", GoValues.slice(unknownExtKeyUsages, v -> v));
      f.put("BasicConstraintsValid", BooleanValue.of(basicConstraintsValid));
      f.put("IsCA", BooleanValue.of(isCa));
      f.put("MaxPathLen", NumberValue.of(maxPathLen));
      f.put("MaxPathLenZero", BooleanValue.of(basicConstraintsValid && maxPathLen == 0));
      f.put("SubjectKeyId", GoValues.bytes(subjectKeyId));
      f.put("AuthorityKeyId", GoValues.bytes(authorityKeyId));
      f.put("OCSPServer", GoValues.strings(ocspServer));
      f.put("IssuingCertificateURL", GoValues.strings(issuingCertificateUrl));
      f.put("DNSNames", GoValues.strings(dnsNames));
      f.put("EmailAddresses", GoValues.strings(emailAddresses));
      f.put("IPAddresses", GoValues.strings(ipAddresses));
      f.put("URIs", GoValues.slice(uris, GoUrl::toJson));
      f.put("PermittedDNSDomainsCritical", BooleanValue.of(permittedDnsDomainsCritical));
      f.put("PermittedDNSDomains", GoValues.strings(permitted.dns));
      f.put("ExcludedDNSDomains", GoValues.strings(excluded.dns));
      f.put("PermittedIPRanges", GoValues.slice(permitted.ipRanges, v -> v));
      f.put("ExcludedIPRanges", GoValues.slice(excluded.ipRanges, v -> v));
      f.put("PermittedEmailAddresses", GoValues.strings(permitted.emails));
      f.put("ExcludedEmailAddresses", GoValues.strings(excluded.emails));
      f.put("PermittedURIDomains", GoValues.strings(permitted.uriDomains));
      f.put("ExcludedURIDomains", GoValues.strings(excluded.uriDomains));
      f.put("CRLDistributionPoints", GoValues.strings(crlDistributionPoints));
      f.put("PolicyIdentifiers", GoValues.slice(policyIdentifiers, v -> v));
      f.put("Policies", GoValues.strings(policies));
      f.put("InhibitAnyPolicy", NumberValue.of(inhibitAnyPolicy));
      f.put("InhibitAnyPolicyZero", BooleanValue.of(inhibitAnyPolicyZero));
      f.put("InhibitPolicyMapping", NumberValue.of(inhibitPolicyMapping));
      f.put("InhibitPolicyMappingZero", BooleanValue.of(inhibitPolicyMappingZero));
      f.put("RequireExplicitPolicy", NumberValue.of(requireExplicitPolicy));
      f.put("RequireExplicitPolicyZero", BooleanValue.of(requireExplicitPolicyZero));
      f.put("PolicyMappings", GoValues.slice(policyMappings, v -> v));
      return f;
    }
  }

  /** One side (permitted or excluded) of a name constraints extension. */
  static final class NameConstraints {
    List<String> dns;
    List<Value> ipRanges;
    List<String> emails;
    List<String> uriDomains;

    /** Adds a subtree base; false when Go does not understand its name form. */
    boolean add(GeneralName base) {
      switch (base.getTagNo()) {
        case GeneralName.dNSName -> dns = GoValues.append(dns, ((ASN1IA5String) base.getName()).getString());
        case GeneralName.rfc822Name -> emails = GoValues.append(emails, ((ASN1IA5String) base.getName()).getString());
        case GeneralName.uniformResourceIdentifier ->
            uriDomains = GoValues.append(uriDomains, ((ASN1IA5String) base.getName()).getString());
        case GeneralName.iPAddress -> {
          byte[] b = ASN1OctetString.getInstance(base.getName()).getOctets();
          if (b.length != 8 && b.length != 32) {
            throw new X509Exception("x509: IP constraint contained value of length " + b.length);
          }
          int half = b.length / 2;
          ipRanges = GoValues.append(ipRanges, ObjectValue.builder()
              .put("IP", StringValue.of(GoIp.format(Arrays.copyOfRange(b, 0, half))))
              .put("Mask", GoValues.bytes(Arrays.copyOfRange(b, half, b.length)))
              .build());
        }
        default -> {
          return false;
        }
      }
      return true;
    }
  }
}
