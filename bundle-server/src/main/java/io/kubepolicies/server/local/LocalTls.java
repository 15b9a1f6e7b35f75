package io.kubepolicies.server.local;

import io.kubepolicies.server.api.TlsFiles;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.jws.PemKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA and a loopback server certificate it signs, for {@code kube-policies up}: files in
 * one directory ({@code ca.crt}, {@code ca.key}, {@code server.crt}, {@code server.key}), made on
 * first use and kept; the server certificate is renewed when it nears its end. Clients trust
 * {@code ca.crt}. Keys are EC P-256 in PKCS#8 PEM, readable by the owner only.
 */
public final class LocalTls {
  public static final String CA_CERT = "ca.crt";
  private static final String CA_KEY = "ca.key";
  private static final String SERVER_CERT = "server.crt";
  private static final String SERVER_KEY = "server.key";
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration SERVER_VALIDITY = Duration.ofDays(365);
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private final Path dir;

  private LocalTls(Path dir) {
    this.dir = dir;
  }

  /** The certificates under {@code dir}, made or renewed as needed. */
  public static LocalTls ensure(Path dir) throws IOException {
    Files.createDirectories(dir);
    LocalTls tls = new LocalTls(dir);
    try {
      if (!Files.exists(dir.resolve(CA_CERT)) || !Files.exists(dir.resolve(CA_KEY))) {
        KeyPair ca = newKeyPair();
        X500Name name = new X500Name("CN=kube-policies local CA");
        X509Certificate certificate = sign(name, ca.getPublic(), name, ca.getPrivate(), CA_VALIDITY, true);
        PrivateFiles.write(dir.resolve(CA_KEY), Pem.encode("PRIVATE KEY", ca.getPrivate().getEncoded()));
        writeCertificate(dir.resolve(CA_CERT), certificate);
        Files.deleteIfExists(dir.resolve(SERVER_CERT));
      }
      if (!Files.exists(dir.resolve(SERVER_CERT)) || !Files.exists(dir.resolve(SERVER_KEY)) || tls.serverExpiresSoon()) {
        X509Certificate caCertificate = readCertificate(dir.resolve(CA_CERT));
        PrivateKey caKey = PemKeys.privateKey(Files.readString(dir.resolve(CA_KEY)));
        KeyPair server = newKeyPair();
        X509Certificate certificate = sign(X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
            server.getPublic(), new X500Name("CN=localhost"), caKey, SERVER_VALIDITY, false);
        PrivateFiles.write(dir.resolve(SERVER_KEY), Pem.encode("PRIVATE KEY", server.getPrivate().getEncoded()));
        writeCertificate(dir.resolve(SERVER_CERT), certificate);
      }
    } catch (GeneralSecurityException | OperatorCreationException | BundleException e) {
      throw new IOException("cannot make the local TLS certificates in " + dir + ": " + e.getMessage(), e);
    }
    return tls;
  }

  public Path caCertificate() {
    return dir.resolve(CA_CERT);
  }

  /** The server's certificate and key (valid for localhost, 127.0.0.1 and ::1). */
  public TlsFiles server() {
    return new TlsFiles(dir.resolve(SERVER_CERT), dir.resolve(SERVER_KEY));
  }

  private boolean serverExpiresSoon() throws IOException, GeneralSecurityException {
    Instant end = readCertificate(dir.resolve(SERVER_CERT)).getNotAfter().toInstant();
    return end.isBefore(Instant.now().plus(RENEW_BEFORE));
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X500Name issuer, PublicKey subjectKey, X500Name subject,
      PrivateKey issuerKey, Duration validity, boolean ca)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, new SecureRandom()),
        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, subjectKey);
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
    if (ca) {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
          new GeneralName(GeneralName.iPAddress, "::1")}));
    }
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  private static void writeCertificate(Path file, X509Certificate certificate) throws IOException, GeneralSecurityException {
    Files.writeString(file, Pem.encode("CERTIFICATE", certificate.getEncoded()));
  }
}
