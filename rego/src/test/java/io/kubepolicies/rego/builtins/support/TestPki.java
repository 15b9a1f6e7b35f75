package io.kubepolicies.rego.builtins.support;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Certificates, requests and keys made at test time, so tests need no fixtures. */
public final class TestPki {
  private static final Instant NOW = Instant.parse("2024-01-15T12:00:00Z");

  private TestPki() {}

  /** A certificate with its key, as DER and PEM. */
  public record Issued(KeyPair keys, X509CertificateHolder holder) {
    public byte[] der() {
      try {
        return holder.getEncoded();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }

    public String pem() {
      return TestPki.pem(holder);
    }
  }

  /** The time the test certificates are valid around. */
  public static Instant now() {
    return NOW;
  }

  public static KeyPair ec() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static KeyPair rsa() {
    return generate("RSA", 2048);
  }

  public static KeyPair ed25519() {
    return generate("Ed25519", 0);
  }

  private static KeyPair generate(String algorithm, int size) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      if (size > 0) {
        g.initialize(size);
      }
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Issued root(String cn) {
    KeyPair keys = ec();
    return issue(cn, keys, null, keys.getPrivate(), true, List.of(), List.of(), 1);
  }

  public static Issued intermediate(String cn, Issued issuer) {
    return issue(cn, ec(), issuer.holder().getSubject(), issuer.keys().getPrivate(), true, List.of(), List.of(), 2);
  }

  public static Issued leaf(String cn, Issued issuer, List<GeneralName> sans, List<KeyPurposeId> usages) {
    return issue(cn, ec(), issuer.holder().getSubject(), issuer.keys().getPrivate(), false, sans, usages, 3);
  }

  public static Issued selfSignedRsa(String cn) {
    KeyPair keys = rsa();
    return issue(cn, keys, null, keys.getPrivate(), false, List.of(), List.of(), 4);
  }

  private static Issued issue(String cn, KeyPair keys, X500Name issuer, PrivateKey signer, boolean ca,
      List<GeneralName> sans, List<KeyPurposeId> usages, long serial) {
    try {
      X500Name subject = new X500Name("C=US,O=Test Org,OU=Unit,CN=" + cn);
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer == null ? subject : issuer,
          BigInteger.valueOf(serial), Date.from(NOW.minus(1, ChronoUnit.DAYS)), Date.from(NOW.plus(36500, ChronoUnit.DAYS)),
          subject, keys.getPublic());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
      if (ca) {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(1));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      }
      if (!sans.isEmpty()) {
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
      }
      if (!usages.isEmpty()) {
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usages.toArray(new KeyPurposeId[0])));
      }
      String alg = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      ContentSigner contentSigner = new JcaContentSignerBuilder(alg).build(signer);
      return new Issued(keys, b.build(contentSigner));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A CSR for {@code cn} asking for the given DNS names. */
  public static PKCS10CertificationRequest csr(String cn, KeyPair keys, String... dnsNames) {
    try {
      JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(
          new X500Name("C=US,CN=" + cn), keys.getPublic());
      if (dnsNames.length > 0) {
        ExtensionsGenerator ext = new ExtensionsGenerator();
        GeneralName[] names = new GeneralName[dnsNames.length];
        for (int i = 0; i < dnsNames.length; i++) {
          names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
        }
        ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
      }
      String alg = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return b.build(new JcaContentSignerBuilder(alg).build(keys.getPrivate()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM text of any object JcaPEMWriter understands (certificates, keys, requests). */
  public static String pem(Object o) {
    try {
      StringWriter out = new StringWriter();
      try (JcaPEMWriter w = new JcaPEMWriter(out)) {
        w.writeObject(o);
      }
      return out.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An EC P-256 private key as SEC 1 PEM with its curve named, as openssl writes it. */
  public static String sec1Pem(KeyPair keys) {
    try {
      java.security.interfaces.ECPrivateKey priv = (java.security.interfaces.ECPrivateKey) keys.getPrivate();
      org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, priv.getS(),
          org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1);
      return pem("EC PRIVATE KEY", sec1.getEncoded());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM text of a block with the given type around DER bytes. */
  public static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  public static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }
}
