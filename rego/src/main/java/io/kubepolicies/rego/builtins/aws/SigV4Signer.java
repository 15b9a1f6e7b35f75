package io.kubepolicies.rego.builtins.aws;

import io.kubepolicies.rego.builtins.gostd.GoUrl;
import io.kubepolicies.rego.value.Ordering;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 by the Authorization header, computed exactly as OPA's
 * {@code internal/providers/aws.SignV4} does (which headers are signed, how the canonical request is
 * built, which headers are added), so that signatures match OPA's byte for byte.
 */
final class SigV4Signer {
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
  private static final Set<String> IGNORED_HEADERS = Set.of("authorization", "user-agent", "x-amzn-trace-id");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The signing credentials; the session token is empty when there is none. */
  record Credentials(String accessKey, String secretKey, String region, String sessionToken) {}

  /** The Authorization header value and the headers the signature adds to the request. */
  record Signature(String authorization, Map<String, String> awsHeaders) {}

  private SigV4Signer() {}

  static Signature sign(Map<String, String> headers, String method, GoUrl url, byte[] body, String service,
      Credentials creds, Instant time, boolean disablePayloadSigning) {
    String contentSha256 = disablePayloadSigning ? UNSIGNED_PAYLOAD : hex(sha256(body));
    String date = DATE.format(time);
    String dateTime = DATE_TIME.format(time);

    Map<String, String> awsHeaders = new LinkedHashMap<>();
    awsHeaders.put("host", url.host());
    awsHeaders.put("x-amz-date", dateTime);
    if (service.equals("s3") || service.equals("glacier")) {
      awsHeaders.put("x-amz-content-sha256", contentSha256);
    }
    if (!creds.sessionToken().isEmpty()) {
      awsHeaders.put("x-amz-security-token", creds.sessionToken());
    }

    // request headers are applied last, so a caller's value replaces the computed one in the signature
    Map<String, String> signed = new TreeMap<>(Ordering::compareStrings);
    signed.putAll(awsHeaders);
    headers.forEach((k, v) -> {
      String lower = k.toLowerCase(Locale.ROOT);
      if (!IGNORED_HEADERS.contains(lower)) {
        signed.put(lower, v);
      }
    });

    StringBuilder canonical = new StringBuilder()
        .append(method).append('\n')
        .append(url.escapedPath()).append('\n')
        .append(url.rawQuery()).append('\n');
    signed.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
    canonical.append('\n');
    String headerList = String.join(";", signed.keySet());
    canonical.append(headerList).append('\n').append(contentSha256);

    String scope = date + "/" + creds.region() + "/" + service + "/aws4_request";
    String stringToSign = "AWS4-HMAC-SHA256\n" + dateTime + "\n" + scope + "\n"
        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));

    byte[] key = hmac(("AWS4" + creds.secretKey()).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, creds.region());
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String signature = hex(hmac(key, stringToSign));

    String authorization = "AWS4-HMAC-SHA256 Credential=" + creds.accessKey() + "/" + scope + ","
        + "SignedHeaders=" + headerList + ","
        + "Signature=" + signature;
    return new Signature(authorization, awsHeaders);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
