package io.kubepolicies.rego.builtins.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kubepolicies.rego.builtins.BuiltinContext;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.BuiltinFamily;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.builtins.Operands;
import io.kubepolicies.rego.builtins.gostd.GoBase64;
import io.kubepolicies.rego.builtins.gostd.GoPem;
import io.kubepolicies.rego.builtins.strings.GoText;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code crypto.*} built-ins: digests and HMACs on the JDK, and X.509 certificates, requests
 * and keys parsed with Go's rules into the JSON shape of Go's structs, which is what OPA returns.
 * Parsed results are cached per input, since policies tend to parse the same certificates on every
 * request.
 */
public final class CryptoFamily implements BuiltinFamily {
  private static final Type STRING_OBJECT = Type.objectOf(Type.STRING, Type.ANY);
  private static final Type VERIFIED_CERTIFICATES = Type.tuple(Type.BOOLEAN, Type.arrayOf(STRING_OBJECT));
  private static final Map<String, Integer> KEY_USAGES = Map.ofEntries(
      Map.entry("KeyUsageAny", 0),
      Map.entry("KeyUsageServerAuth", 1),
      Map.entry("KeyUsageClientAuth", 2),
      Map.entry("KeyUsageCodeSigning", 3),
      Map.entry("KeyUsageEmailProtection", 4),
      Map.entry("KeyUsageIPSECEndSystem", 5),
      Map.entry("KeyUsageIPSECTunnel", 6),
      Map.entry("KeyUsageIPSECUser", 7),
      Map.entry("KeyUsageTimeStamping", 8),
      Map.entry("KeyUsageOCSPSigning", 9),
      Map.entry("KeyUsageMicrosoftServerGatedCrypto", 10),
      Map.entry("KeyUsageNetscapeServerGatedCrypto", 11),
      Map.entry("KeyUsageMicrosoftCommercialCodeSigning", 12),
      Map.entry("KeyUsageMicrosoftKernelCodeSigning", 13));

  /** Parsed certificate lists by input text; verification results depend on time and are not cached. */
  private final Cache<String, List<GoCertificate>> certificates = Caffeine.newBuilder().maximumSize(256).build();

  @Override
  public void register(Builtins.Registrar r) {
    r.function("crypto.md5", List.of(Type.named("x", Type.STRING)), Type.named("y", Type.STRING),
        (ctx, args) -> digest("MD5", args));
    r.function("crypto.sha1", List.of(Type.named("x", Type.STRING)), Type.named("y", Type.STRING),
        (ctx, args) -> digest("SHA-1", args));
    r.function("crypto.sha256", List.of(Type.named("x", Type.STRING)), Type.named("y", Type.STRING),
        (ctx, args) -> digest("SHA-256", args));
    r.function("crypto.hmac.md5", List.of(Type.named("x", Type.STRING), Type.named("key", Type.STRING)),
        Type.named("y", Type.STRING), (ctx, args) -> hmac("HmacMD5", args));
    r.function("crypto.hmac.sha1", List.of(Type.named("x", Type.STRING), Type.named("key", Type.STRING)),
        Type.named("y", Type.STRING), (ctx, args) -> hmac("HmacSHA1", args));
    r.function("crypto.hmac.sha256", List.of(Type.named("x", Type.STRING), Type.named("key", Type.STRING)),
        Type.named("y", Type.STRING), (ctx, args) -> hmac("HmacSHA256", args));
    r.function("crypto.hmac.sha512", List.of(Type.named("x", Type.STRING), Type.named("key", Type.STRING)),
        Type.named("y", Type.STRING), (ctx, args) -> hmac("HmacSHA512", args));
    r.function("crypto.hmac.equal", List.of(Type.named("mac1", Type.STRING), Type.named("mac2", Type.STRING)),
        Type.named("result", Type.BOOLEAN), (ctx, args) -> BooleanValue.of(MessageDigest.isEqual(
        utf8(Operands.string(args, 1)), utf8(Operands.string(args, 2)))));

    r.function("crypto.x509.parse_certificates", List.of(Type.named("certs", Type.STRING)),
        Type.named("output", Type.arrayOf(STRING_OBJECT)),
        (ctx, args) -> guarded(() -> certificateArray(parse(Operands.string(args, 1)), true)));
    r.function("crypto.x509.parse_and_verify_certificates", List.of(Type.named("certs", Type.STRING)),
        Type.named("output", VERIFIED_CERTIFICATES),
        (ctx, args) -> parseAndVerify(ctx, Operands.string(args, 1), ObjectValue.EMPTY, true));
    r.function("crypto.x509.parse_and_verify_certificates_with_options",
        List.of(Type.named("certs", Type.STRING), Type.named("options", STRING_OBJECT)),
        Type.named("output", VERIFIED_CERTIFICATES),
        (ctx, args) -> parseAndVerify(ctx, Operands.string(args, 1), Operands.object(args, 2), false));
    r.function("crypto.x509.parse_certificate_request", List.of(Type.named("csr", Type.STRING)),
        Type.named("output", STRING_OBJECT),
        (ctx, args) -> guarded(() -> certificateRequest(Operands.string(args, 1))));
    r.function("crypto.x509.parse_keypair", List.of(Type.named("cert", Type.STRING), Type.named("pem", Type.STRING)),
        Type.named("output", STRING_OBJECT), (ctx, args) -> {
      String cert = Operands.string(args, 1);
      String key = keyOperand(args[1]);
      return guarded(() -> TlsKeyPair.parse(cert, key));
    });
    r.function("crypto.x509.parse_rsa_private_key", List.of(Type.named("pem", Type.STRING)),
        Type.named("output", STRING_OBJECT),
        (ctx, args) -> guarded(() -> jwkFromPrivateKey(Operands.string(args, 1))));
    r.function("crypto.parse_private_keys", List.of(Type.named("keys", Type.STRING)),
        Type.named("output", Type.arrayOf(STRING_OBJECT)),
        (ctx, args) -> guarded(() -> privateKeys(Operands.string(args, 1))));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** OPA reads the key of parse_keypair with operand position 1, so its type error names operand 1. */
  private static String keyOperand(Value v) {
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.operand(1, v, "string");
  }

  private static Value digest(String algorithm, Value[] args) {
    String input = Operands.string(args, 1);
    try {
      return StringValue.of(HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(utf8(input))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is missing from the JDK", e);
    }
  }

  private static Value hmac(String algorithm, Value[] args) {
    String message = Operands.string(args, 1);
    byte[] key = utf8(Operands.string(args, 2));
    try {
      Mac mac = Mac.getInstance(algorithm);
      // HMAC pads short keys with zeros, so the empty key (which SecretKeySpec refuses) equals one zero byte
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
      return StringValue.of(HexFormat.of().formatHex(mac.doFinal(utf8(message))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is missing from the JDK", e);
    }
  }

  /** Runs a parser, turning Go-style parse failures into eval_builtin_errors with Go's text. */
  private static Value guarded(Supplier<Value> parse) {
    try {
      return parse.get();
    } catch (X509Exception | GoBase64.CorruptInputException e) {
      throw BuiltinException.error(e.getMessage());
    }
  }

  private List<GoCertificate> parse(String input) {
    return certificates.get(input, text -> List.copyOf(CryptoInputs.certificates(text)));
  }

  private static Value certificateArray(List<GoCertificate> certs, boolean withUriStrings) {
    List<Value> out = new ArrayList<>();
    for (GoCertificate c : certs) {
      out.add(withUriStrings ? c.jsonWithUriStrings() : c.json());
    }
    return ArrayValue.of(out);
  }

  private static final Value UNVERIFIED = ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);

  private Value parseAndVerify(BuiltinContext ctx, String input, ObjectValue options, boolean withUriStrings) {
    List<GoCertificate> certs;
    try {
      certs = parse(input);
    } catch (X509Exception | GoBase64.CorruptInputException e) {
      return UNVERIFIED;
    }
    ChainVerifier.Options opts = verifyOptions(options, ctx);
    try {
      return ArrayValue.of(BooleanValue.TRUE, certificateArray(ChainVerifier.verify(certs, opts), withUriStrings));
    } catch (X509Exception e) {
      return UNVERIFIED;
    }
  }

  /** OPA's extractVerifyOpts, with its messages; the default time is the query's time. */
  private static ChainVerifier.Options verifyOptions(ObjectValue options, BuiltinContext ctx) {
    String dnsName = "";
    Instant time = Instant.ofEpochSecond(0, ctx.nowNanos());
    List<Integer> usages = new ArrayList<>();
    for (Value key : options.sortedKeys()) {
      if (!(key instanceof StringValue k)) {
        continue;
      }
      Value v = options.get(key);
      switch (k.value()) {
        case "DNSName" -> {
          if (!(v instanceof StringValue s)) {
            throw BuiltinException.error("'DNSName' should be a string");
          }
          dnsName = GoText.trim(s.value(), "\"");
        }
        case "CurrentTime" -> {
          if (!(v instanceof NumberValue n)) {
            throw BuiltinException.error("'CurrentTime' should be a number");
          }
          if (!n.isLong()) {
            throw BuiltinException.error("'CurrentTime' should be a valid int64 number");
          }
          time = Instant.ofEpochSecond(0, n.longValue());
        }
        case "MaxConstraintComparisons" -> {
          if (!(v instanceof NumberValue n)) {
            throw BuiltinException.error("'MaxConstraintComparisons' should be a number");
          }
          if (!n.isLong()) {
            throw BuiltinException.error("'MaxConstraintComparisons' should be a valid number");
          }
        }
        case "KeyUsages" -> usages = keyUsages(v);
        default -> throw BuiltinException.error("invalid key option");
      }
    }
    return new ChainVerifier.Options(dnsName, time, usages);
  }

  private static List<Integer> keyUsages(Value v) {
    List<Value> items;
    if (v instanceof ArrayValue a) {
      items = a.elements();
    } else if (v instanceof SetValue s) {
      items = s.sorted();
    } else {
      throw BuiltinException.error("'KeyUsages' should be an Array or Set");
    }
    List<Integer> usages = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (Value item : items) {
      if (item instanceof StringValue s) {
        String name = GoText.trim(s.value(), "\"");
        Integer usage = KEY_USAGES.get(name);
        if (usage != null) {
          usages.add(usage);
        } else {
          invalid.add(name);
        }
      }
    }
    if (!invalid.isEmpty()) {
      throw BuiltinException.error("invalid entries for 'KeyUsages' found: [" + String.join(" ", invalid) + "]");
    }
    return usages;
  }

  private static Value certificateRequest(String input) {
    byte[] bytes = utf8(input);
    if (!input.startsWith("-----BEGIN CERTIFICATE REQUEST-----")) {
      bytes = GoBase64.decodeStd(bytes);
    }
    GoPem.Decoded pem = GoPem.decode(bytes);
    if (pem.block() != null) {
      if (!pem.block().type().equals("CERTIFICATE REQUEST")) {
        throw new X509Exception("invalid PEM-encoded certificate signing request");
      }
      bytes = pem.block().bytes();
    }
    return GoCertificateRequest.parse(bytes);
  }

  private static Value privateKeys(String input) {
    if (input.isEmpty()) {
      return NullValue.NULL;
    }
    return ArrayValue.of(CryptoInputs.privateKeys(input).stream().map(GoKeys.PrivateKey::goJson).toList());
  }

  /** OPA's builtinCryptoJWKFromPrivateKey: the first private key as a JWK. */
  private static Value jwkFromPrivateKey(String input) {
    if (input.isEmpty()) {
      throw new X509Exception("input PEM data was empty");
    }
    String pem = input;
    if (!CryptoInputs.isPem(utf8(input))) {
      pem = new String(GoBase64.decodeStd(utf8(input)), StandardCharsets.UTF_8);
    }
    List<GoKeys.PrivateKey> keys = CryptoInputs.privateKeys(pem);
    if (keys.isEmpty()) {
      return NullValue.NULL;
    }
    return jwk(keys.get(0));
  }

  private static Value jwk(GoKeys.PrivateKey key) {
    if (key instanceof GoKeys.RsaKey rsa) {
      return rsa.jwk();
    }
    if (key instanceof GoKeys.EcKey ec) {
      return ec.jwk();
    }
    String type = key instanceof GoKeys.Ed25519Key ? "ed25519.PrivateKey" : "*ecdh.PrivateKey";
    throw new X509Exception("invalid key type '" + type + "' for jwk.New");
  }
}
