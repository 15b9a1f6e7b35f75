package io.kubepolicies.server.api;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.jws.PemKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collection;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** A server certificate chain and its private key, both PEM files, as Jetty's TLS configuration. */
public record TlsFiles(Path certificateChain, Path privateKey) {
  public SslContextFactory.Server sslContextFactory() throws IOException {
    try {
      Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certificateChain)));
      if (chain.isEmpty()) {
        throw new IOException(certificateChain + ": no certificate found");
      }
      PrivateKey key = PemKeys.privateKey(Files.readString(privateKey));
      char[] password = randomPassword();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, password, chain.toArray(new Certificate[0]));
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(store);
      ssl.setKeyStorePassword(new String(password));
      ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
      return ssl;
    } catch (BundleException e) {
      throw new IOException(privateKey + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use " + certificateChain + " with " + privateKey + ": " + e.getMessage(), e);
    }
  }

  private static char[] randomPassword() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random).toCharArray();
  }
}
