package io.kubepolicies.enforcer.server;

import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.jws.PemKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The serving certificate and key, read from PEM files (as cert-manager writes them) into Jetty's
 * TLS context, and read again when the files' content changes. A reload affects new handshakes only:
 * open connections keep going. A half-rotated pair (a key that does not match the certificate) is
 * refused and the previous pair keeps serving.
 */
public final class ReloadingTls {
  private static final String ALIAS = "serving";
  // The key store only ever lives in memory; the password guards nothing.
  private static final String STORE_PASSWORD = "in-memory";

  private final Path certFile;
  private final Path keyFile;
  private final SslContextFactory.Server factory = new SslContextFactory.Server();
  private byte[] loadedDigest;

  private ReloadingTls(Path certFile, Path keyFile) {
    this.certFile = certFile;
    this.keyFile = keyFile;
  }

  public static ReloadingTls load(Path certFile, Path keyFile) throws ConfigException {
    ReloadingTls tls = new ReloadingTls(certFile, keyFile);
    PemFiles files = tls.readFiles();
    tls.factory.setKeyStore(tls.keyStore(files));
    tls.factory.setKeyStorePassword(STORE_PASSWORD);
    tls.factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    tls.loadedDigest = files.digest();
    return tls;
  }

  public SslContextFactory.Server factory() {
    return factory;
  }

  /**
   * Reads the files again; returns true when they changed and the new pair was loaded. Unchanged
   * files (the usual case) are not parsed again.
   */
  public synchronized boolean reloadIfChanged() throws ConfigException {
    PemFiles files = readFiles();
    if (Arrays.equals(files.digest(), loadedDigest)) {
      return false;
    }
    KeyStore store = keyStore(files);
    try {
      factory.reload(f -> f.setKeyStore(store));
    } catch (Exception e) {
      throw new ConfigException("cannot reload the TLS context: " + e.getMessage(), e);
    }
    loadedDigest = files.digest();
    return true;
  }

  private record PemFiles(byte[] cert, byte[] key, byte[] digest) {}

  private PemFiles readFiles() throws ConfigException {
    byte[] certPem = readFile(certFile, "certificate");
    byte[] keyPem = readFile(keyFile, "key");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(certPem);
      digest.update(keyPem);
      return new PemFiles(certPem, keyPem, digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private KeyStore keyStore(PemFiles files) throws ConfigException {
    Certificate[] chain = chain(files.cert());
    PrivateKey key;
    try {
      key = PemKeys.privateKey(new String(files.key(), StandardCharsets.UTF_8));
    } catch (BundleException e) {
      throw new ConfigException("TLS key " + keyFile + ": " + e.getMessage(), e);
    }
    checkMatch(key, chain[0].getPublicKey());
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, STORE_PASSWORD.toCharArray(), chain);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new ConfigException("cannot build a key store from " + certFile + " and " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private Certificate[] chain(byte[] pem) throws ConfigException {
    try {
      Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
          .toArray(new Certificate[0]);
      if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
        throw new ConfigException("TLS certificate " + certFile + " holds no X.509 certificate");
      }
      return chain;
    } catch (GeneralSecurityException e) {
      throw new ConfigException("TLS certificate " + certFile + ": " + e.getMessage(), e);
    }
  }

  /** Signs a nonce with the key and checks it with the certificate's public key. */
  private void checkMatch(PrivateKey key, PublicKey certified) throws ConfigException {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> throw new ConfigException("TLS key " + keyFile + ": unsupported key type " + key.getAlgorithm());
    };
    try {
      byte[] nonce = new byte[32];
      new SecureRandom().nextBytes(nonce);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(nonce);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certified);
      verifier.update(nonce);
      if (!verifier.verify(signature)) {
        throw new ConfigException("TLS key " + keyFile + " does not belong to the certificate in " + certFile);
      }
    } catch (GeneralSecurityException e) {
      throw new ConfigException("TLS key " + keyFile + " does not belong to the certificate in " + certFile
          + ": " + e.getMessage(), e);
    }
  }

  private static byte[] readFile(Path file, String what) throws ConfigException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read the TLS " + what + " " + file + ": " + e.getMessage(), e);
    }
  }
}
