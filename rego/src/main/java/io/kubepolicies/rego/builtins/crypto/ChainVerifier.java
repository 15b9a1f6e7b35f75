package io.kubepolicies.rego.builtins.crypto;

import io.kubepolicies.rego.builtins.gostd.GoIp;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies a chain the way OPA asks Go's {@code Certificate.Verify} to: the first certificate is the
 * only root, the last is the leaf, the others are intermediates. Path building, signatures, validity
 * periods, basic and name constraints come from the JDK's PKIX implementation; Go's additional rules
 * (extended key usage across the chain, defaulting to server authentication, the host name, and the
 * root's validity period) are applied here.
 */
final class ChainVerifier {
  static final int EXT_KEY_USAGE_ANY = 0;
  static final int EXT_KEY_USAGE_SERVER_AUTH = 1;

  /** Go's VerifyOptions as OPA fills them; an empty DNS name is not checked. */
  record Options(String dnsName, Instant currentTime, List<Integer> keyUsages) {}

  private ChainVerifier() {}

  /** The verified chain, leaf first and root last; throws when the chain does not verify. */
  static List<GoCertificate> verify(List<GoCertificate> certs, Options options) {
    if (certs.size() < 2) {
      throw new X509Exception("must supply at least two certificates to be able to verify");
    }
    GoCertificate root = certs.get(0);
    GoCertificate leaf = certs.get(certs.size() - 1);
    List<X509Certificate> candidates = new ArrayList<>();
    for (GoCertificate c : certs.subList(1, certs.size())) {
      candidates.add(c.toJdk());
    }
    List<X509Certificate> path;
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(candidates.get(candidates.size() - 1));
      PKIXBuilderParameters params = new PKIXBuilderParameters(Set.of(new TrustAnchor(root.toJdk(), null)), target);
      params.setRevocationEnabled(false);
      params.setPolicyQualifiersRejected(false);
      params.setDate(Date.from(options.currentTime()));
      params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
      PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
      @SuppressWarnings("unchecked")
      List<X509Certificate> built = (List<X509Certificate>) result.getCertPath().getCertificates();
      path = built;
    } catch (GeneralSecurityException e) {
      throw new X509Exception("x509: certificate signed by unknown authority");
    }
    List<GoCertificate> chain = new ArrayList<>();
    for (X509Certificate c : path) {
      chain.add(find(certs, c));
    }
    chain.add(root);

    Instant now = options.currentTime();
    if (now.isBefore(root.notBefore()) || now.isAfter(root.notAfter())) {
      throw new X509Exception("x509: certificate has expired or is not yet valid");
    }
    if (!options.dnsName().isEmpty() && !matchesHost(leaf, options.dnsName())) {
      throw new X509Exception("x509: certificate is not valid for " + options.dnsName());
    }
    List<Integer> usages = options.keyUsages().isEmpty() ? List.of(EXT_KEY_USAGE_SERVER_AUTH) : options.keyUsages();
    if (!usages.contains(EXT_KEY_USAGE_ANY) && !allowsUsages(chain, usages)) {
      throw new X509Exception("x509: certificate specifies an incompatible key usage");
    }
    return chain;
  }

  private static GoCertificate find(List<GoCertificate> certs, X509Certificate c) {
    try {
      byte[] der = c.getEncoded();
      for (GoCertificate g : certs) {
        if (Arrays.equals(g.raw(), der)) {
          return g;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new X509Exception("x509: " + e.getMessage());
    }
    throw new X509Exception("x509: certificate signed by unknown authority");
  }

  /**
   * Go's checkChainForKeyUsage: walking from the root, every certificate that restricts its
   * extended key usages (without allowing any) removes the requested usages it does not list.
   */
  private static boolean allowsUsages(List<GoCertificate> chain, List<Integer> requested) {
    List<Integer> remaining = new ArrayList<>(requested);
    for (int i = chain.size() - 1; i >= 0; i--) {
      GoCertificate cert = chain.get(i);
      if (!cert.restrictsExtKeyUsage() || cert.extKeyUsages().contains(EXT_KEY_USAGE_ANY)) {
        continue;
      }
      remaining.retainAll(cert.extKeyUsages());
      if (remaining.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Go's VerifyHostname: IPs against IP SANs, names against DNS SANs with one leading wildcard label. */
  static boolean matchesHost(GoCertificate cert, String host) {
    String candidateIp = host.length() >= 3 && host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    byte[] ip = GoIp.parseIp(candidateIp);
    if (ip != null) {
      String wanted = GoIp.format(ip);
      return cert.ipAddresses().stream().anyMatch(wanted::equals);
    }
    String name = host.toLowerCase(Locale.ROOT);
    for (String pattern : cert.dnsNames()) {
      if (matchHostnames(pattern.toLowerCase(Locale.ROOT), name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchHostnames(String pattern, String host) {
    pattern = trimDot(pattern);
    host = trimDot(host);
    if (pattern.isEmpty() || host.isEmpty()) {
      return false;
    }
    String[] p = pattern.split("\\.", -1);
    String[] h = host.split("\\.", -1);
    if (p.length != h.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (i == 0 && p[i].equals("*")) {
        continue;
      }
      if (!p[i].equals(h[i])) {
        return false;
      }
    }
    return true;
  }

  private static String trimDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
