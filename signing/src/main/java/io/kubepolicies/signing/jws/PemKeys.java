package io.kubepolicies.signing.jws;

import io.kubepolicies.signing.BundleException;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads keys from PEM text as openssl writes them: private keys in PKCS#8 ({@code PRIVATE KEY}),
 * PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}, with or without a leading
 * {@code EC PARAMETERS} block); public keys as {@code PUBLIC KEY}, {@code RSA PUBLIC KEY} or an
 * X.509 {@code CERTIFICATE}. Encrypted keys are refused.
 */
public final class PemKeys {
  private static final JcaPEMKeyConverter CONVERTER = new JcaPEMKeyConverter();

  private PemKeys() {}

  public static boolean looksLikePem(String text) {
    return text.stripLeading().startsWith("-----BEGIN ");
  }

  public static PrivateKey privateKey(String pem) throws BundleException {
    Object object = firstKeyObject(pem);
    try {
      if (object instanceof PEMKeyPair pair) {
        // The private half alone: SEC1 keys may omit the public key.
        return CONVERTER.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (object instanceof PrivateKeyInfo info) {
        return CONVERTER.getPrivateKey(info);
      }
    } catch (IOException e) {
      throw new BundleException("unreadable private key: " + e.getMessage(), e);
    }
    throw new BundleException("expected a private key, found " + describe(object));
  }

  public static PublicKey publicKey(String pem) throws BundleException {
    Object object = firstKeyObject(pem);
    try {
      if (object instanceof SubjectPublicKeyInfo info) {
        return CONVERTER.getPublicKey(info);
      }
      if (object instanceof X509CertificateHolder certificate) {
        return CONVERTER.getPublicKey(certificate.getSubjectPublicKeyInfo());
      }
    } catch (IOException e) {
      throw new BundleException("unreadable public key: " + e.getMessage(), e);
    }
    throw new BundleException("expected a public key or certificate, found " + describe(object));
  }

  private static Object firstKeyObject(String pem) throws BundleException {
    // The parser meets untrusted text here; whatever it throws is a rejection of that text.
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object object = parser.readObject();
      while (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
        object = parser.readObject();
      }
      if (object == null) {
        throw new BundleException("no PEM key found");
      }
      return object;
    } catch (IOException | RuntimeException e) {
      throw new BundleException("invalid PEM: " + e.getMessage(), e);
    }
  }

  private static String describe(Object object) {
    String name = object.getClass().getSimpleName();
    return name.contains("Encrypted") ? "an encrypted key (not supported: decrypt it first)" : name;
  }
}
