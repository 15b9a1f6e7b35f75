package io.kubepolicies.server.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTlsTest {
  @TempDir
  Path dir;

  private static X509Certificate read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void serverCertificateIsForLoopbackAndSignedByTheCa() throws Exception {
    LocalTls tls = LocalTls.ensure(dir);
    X509Certificate ca = read(tls.caCertificate());
    X509Certificate server = read(tls.server().certificateChain());
    server.verify(ca.getPublicKey());
    ca.verify(ca.getPublicKey());
    assertTrue(ca.getBasicConstraints() >= 0, "the CA may sign");
    assertEquals(-1, server.getBasicConstraints(), "the server certificate may not");
    Set<String> names = server.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1)))
        .collect(Collectors.toSet());
    assertTrue(names.containsAll(List.of("localhost", "127.0.0.1")), names.toString());
    assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
  }

  @Test
  void keysAreReadableByTheOwnerOnly() throws Exception {
    LocalTls tls = LocalTls.ensure(dir);
    for (Path key : List.of(tls.server().privateKey(), dir.resolve("ca.key"))) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), key.toString());
    }
  }

  @Test
  void secondRunKeepsTheCaAndServerCertificate() throws Exception {
    LocalTls.ensure(dir);
    byte[] ca = Files.readAllBytes(dir.resolve("ca.crt"));
    byte[] server = Files.readAllBytes(dir.resolve("server.crt"));
    LocalTls.ensure(dir);
    assertEquals(new String(ca), Files.readString(dir.resolve("ca.crt")));
    assertEquals(new String(server), Files.readString(dir.resolve("server.crt")));
  }

  @Test
  void missingServerKeyIsReissuedUnderTheSameCa() throws Exception {
    LocalTls tls = LocalTls.ensure(dir);
    String before = Files.readString(tls.server().certificateChain());
    Files.delete(tls.server().privateKey());
    LocalTls.ensure(dir);
    assertNotEquals(before, Files.readString(tls.server().certificateChain()));
    read(tls.server().certificateChain()).verify(read(tls.caCertificate()).getPublicKey());
  }
}
