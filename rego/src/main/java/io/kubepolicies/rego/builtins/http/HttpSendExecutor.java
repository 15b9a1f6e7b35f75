package io.kubepolicies.rego.builtins.http;

import io.kubepolicies.rego.builtins.BuiltinContext;
import io.kubepolicies.rego.builtins.crypto.PemKeyPair;
import io.kubepolicies.rego.value.GoQuote;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Sends one {@code http.send} request with the JDK's HTTP client, with retries as OPA does them. */
final class HttpSendExecutor {
  private static final String USER_AGENT = "Open Policy Agent/kube-policies (java)";

  /** A failed exchange; {@code network} marks transport errors (OPA's eval_http_send_network_error). */
  static final class SendException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean network;
    private final boolean timeout;

    SendException(String message, boolean network, boolean timeout) {
      super(message, null, false, false);
      this.network = network;
      this.timeout = timeout;
    }

    boolean network() {
      return network;
    }

    boolean timeout() {
      return timeout;
    }
  }

  private HttpSendExecutor() {}

  static HttpResponse<byte[]> send(HttpSendOptions options, BuiltinContext ctx) throws SendException {
    URI uri;
    try {
      uri = new URI(options.url());
    } catch (URISyntaxException e) {
      throw new SendException("parse " + GoQuote.quote(options.url()) + ": " + e.getReason(), false, false);
    }
    if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
      throw new SendException(op(options) + " " + GoQuote.quote(options.url()) + ": unsupported protocol scheme "
          + GoQuote.quote(uri.getScheme() == null ? "" : uri.getScheme()), true, false);
    }
    HttpClient client = client(options);
    HttpRequest request = request(options, uri);
    for (int attempt = 0; ; attempt++) {
      ctx.checkCancelled();
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (HttpTimeoutException e) {
        if (attempt >= options.maxRetryAttempts()) {
          throw new SendException(op(options) + " " + GoQuote.quote(options.url())
              + ": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", true, true);
        }
      } catch (IOException e) {
        if (attempt >= options.maxRetryAttempts()) {
          throw new SendException(op(options) + " " + GoQuote.quote(options.url()) + ": " + describe(e), true, false);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SendException(op(options) + " " + GoQuote.quote(options.url()) + ": context canceled", true, false);
      }
      backoff(attempt);
    }
  }

  /** Go's url.Error operation: the method with only its first letter capitalised ("Get", "Post"). */
  static String op(HttpSendOptions options) {
    String m = options.method().isEmpty() ? "GET" : options.method();
    return m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String describe(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
      message = message + ": " + cause.getMessage();
    }
    return message;
  }

  /** OPA's backoff between retries: 100ms doubling up to 60s. */
  private static void backoff(int attempt) throws SendException {
    long delay = Math.min(60_000L, 100L << Math.min(attempt, 10));
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendException("context canceled", true, false);
    }
  }

  private static HttpRequest request(HttpSendOptions options, URI uri) throws SendException {
    HttpRequest.BodyPublisher body = options.body().length == 0
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(options.body());
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(options.method().isEmpty() ? "GET" : options.method(), body);
    if (!options.timeout().isZero() && !options.timeout().isNegative()) {
      b.timeout(options.timeout());
    }
    try {
      options.headers().forEach(b::header);
      if (!options.headers().containsKey("User-Agent")) {
        b.header("User-Agent", USER_AGENT);
      }
    } catch (IllegalArgumentException e) {
      throw new SendException(e.getMessage(), false, false);
    }
    return b.build();
  }

  private static HttpClient client(HttpSendOptions options) throws SendException {
    HttpClient.Builder b = HttpClient.newBuilder()
        .followRedirects(options.enableRedirect() ? HttpClient.Redirect.ALWAYS : HttpClient.Redirect.NEVER);
    if (!options.timeout().isZero() && !options.timeout().isNegative()) {
      b.connectTimeout(options.timeout());
    }
    if (options.tls().customised()) {
      b.sslContext(sslContext(options.tls()));
    }
    return b.build();
  }

  private static SSLContext sslContext(HttpSendOptions.Tls tls) throws SendException {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keyManagers(tls), trustManagers(tls), null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new SendException(e.getMessage(), false, false);
    }
  }

  private static KeyManager[] keyManagers(HttpSendOptions.Tls tls) throws GeneralSecurityException, IOException, SendException {
    String cert = tls.clientCert();
    String key = tls.clientKey();
    if (cert.isEmpty() || key.isEmpty()) {
      cert = tls.clientCertFile().isEmpty() ? "" : Files.readString(Path.of(tls.clientCertFile()));
      key = tls.clientKeyFile().isEmpty() ? "" : Files.readString(Path.of(tls.clientKeyFile()));
    }
    if ((cert.isEmpty() || key.isEmpty()) && !tls.clientCertEnv().isEmpty() && !tls.clientKeyEnv().isEmpty()) {
      cert = env(tls.clientCertEnv());
      key = env(tls.clientKeyEnv());
    }
    if (cert.isEmpty() || key.isEmpty()) {
      return null;
    }
    PemKeyPair pair;
    try {
      pair = PemKeyPair.parse(cert, key);
    } catch (IllegalArgumentException e) {
      throw new SendException(e.getMessage(), false, false);
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = new char[0];
    store.setKeyEntry("client", pair.key(), password, pair.chain().toArray(new X509Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, password);
    return kmf.getKeyManagers();
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "" : v;
  }

  private static TrustManager[] trustManagers(HttpSendOptions.Tls tls) throws GeneralSecurityException, IOException, SendException {
    if (tls.insecureSkipVerify()) {
      return new TrustManager[] {new TrustEverything()};
    }
    List<X509Certificate> cas = new ArrayList<>();
    if (!tls.caCert().isEmpty()) {
      cas.addAll(appended(tls.caCert().replace("\\n", "\n"), "could not append certificates"));
    }
    if (!tls.caCertFile().isEmpty()) {
      cas.addAll(appended(Files.readString(Path.of(tls.caCertFile()), StandardCharsets.UTF_8),
          "could not append CA certificates from " + GoQuote.quote(tls.caCertFile())));
    }
    if (!tls.caCertEnv().isEmpty()) {
      cas.addAll(appended(env(tls.caCertEnv()), "could not add CA certificates from envvar "
          + GoQuote.quote(tls.caCertEnv()) + ": could not append certificates"));
    }
    if (cas.isEmpty()) {
      return null;
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    if (Boolean.TRUE.equals(tls.useSystemCerts())) {
      TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      system.init((KeyStore) null);
      for (TrustManager tm : system.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            store.setCertificateEntry("system-" + store.size(), c);
          }
        }
      }
    }
    for (X509Certificate ca : cas) {
      store.setCertificateEntry("ca-" + store.size(), ca);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    return tmf.getTrustManagers();
  }

  private static List<X509Certificate> appended(String pem, String error) throws SendException {
    List<X509Certificate> certs = PemKeyPair.certificates(pem);
    if (certs.isEmpty()) {
      throw new SendException(error, false, false);
    }
    return certs;
  }

  /** tls_insecure_skip_verify: no chain and no host name checks, as with Go's InsecureSkipVerify. */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
