package io.kubepolicies.rego.builtins.crypto;

import io.kubepolicies.rego.builtins.gostd.GoPem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * PEM material for TLS as JDK objects: a client certificate chain with its key, checked like Go's
 * {@code tls.X509KeyPair}, and CA certificates collected like {@code CertPool.AppendCertsFromPEM}.
 * Failures are {@link IllegalArgumentException}s with Go's text.
 */
public final class PemKeyPair {
  private final List<X509Certificate> chain;
  private final PrivateKey key;

  private PemKeyPair(List<X509Certificate> chain, PrivateKey key) {
    this.chain = chain;
    this.key = key;
  }

  public static PemKeyPair parse(String certPem, String keyPem) {
    try {
      TlsKeyPair.Parsed parsed = TlsKeyPair.parsePem(certPem.getBytes(StandardCharsets.UTF_8),
          keyPem.getBytes(StandardCharsets.UTF_8));
      PrivateKey jdkKey = parsed.key().toJdk();
      if (jdkKey == null) {
        throw new IllegalArgumentException("tls: unknown public key algorithm");
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (byte[] der : parsed.chain()) {
        chain.add(x509(der));
      }
      return new PemKeyPair(chain, jdkKey);
    } catch (X509Exception e) {
      throw new IllegalArgumentException(e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("tls: " + e.getMessage());
    }
  }

  public List<X509Certificate> chain() {
    return List.copyOf(chain);
  }

  public PrivateKey key() {
    return key;
  }

  /** The certificates of every parsable CERTIFICATE block; other blocks and bad certificates are skipped. */
  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> out = new ArrayList<>();
    byte[] rest = pem.getBytes(StandardCharsets.UTF_8);
    while (rest.length > 0) {
      GoPem.Decoded d = GoPem.decode(rest);
      if (d.block() == null) {
        break;
      }
      rest = d.rest();
      if (!d.block().type().equals("CERTIFICATE") || !d.block().headers().isEmpty()) {
        continue;
      }
      try {
        GoCertificate.parseOne(d.block().bytes());
        out.add(x509(d.block().bytes()));
      } catch (X509Exception | GeneralSecurityException e) {
        // AppendCertsFromPEM ignores certificates it cannot parse
      }
    }
    return out;
  }

  private static X509Certificate x509(byte[] der) throws GeneralSecurityException {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
