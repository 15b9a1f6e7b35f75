package io.kubepolicies.rego.builtins.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Public keys from the PEM blocks OPA's token verification accepts, as JDK keys: the key of a
 * certificate ({@code x509.ParseCertificate}) or a bare {@code PUBLIC KEY}
 * ({@code x509.ParsePKIXPublicKey}). Failures are {@link IllegalArgumentException}s with Go's text.
 */
public final class PemPublicKeys {
  private PemPublicKeys() {}

  /** The certificate's key, or null when Go would leave it unparsed (an unknown algorithm). */
  public static PublicKey fromCertificate(byte[] der) {
    try {
      GoCertificate cert = GoCertificate.parseOne(der);
      return cert.publicKey() == null ? null : jdkKey(cert.publicKey().type(), cert.subjectPublicKeyInfo());
    } catch (X509Exception e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  public static PublicKey fromPkix(byte[] der) {
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (Exception e) {
      throw new IllegalArgumentException("asn1: structure error: malformed public key");
    }
    try {
      GoKeys.PublicKey key = GoKeys.publicKey(spki);
      if (key == null) {
        throw new IllegalArgumentException("x509: unknown public key algorithm");
      }
      return jdkKey(key.type(), der);
    } catch (X509Exception e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private static PublicKey jdkKey(String type, byte[] spki) {
    try {
      return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("x509: " + e.getMessage());
    }
  }
}
