package io.kubepolicies.rego.builtins.aws;

import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.BuiltinFamily;
import io.kubepolicies.rego.builtins.Builtins;
import io.kubepolicies.rego.builtins.Operands;
import io.kubepolicies.rego.builtins.gostd.GoJsonWriter;
import io.kubepolicies.rego.builtins.gostd.GoUrl;
import io.kubepolicies.rego.builtins.gostd.UrlError;
import io.kubepolicies.rego.builtins.http.HttpRequestOperand;
import io.kubepolicies.rego.types.Type;
import io.kubepolicies.rego.value.BooleanValue;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.RegoText;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code providers.aws.sign_req}: signs a request object (the shape {@code http.send} takes) with
 * AWS SigV4 and returns it with the signature headers added. Checks run in OPA's order and with
 * OPA's messages, including its operand numbering ("operand 1" for a non-object config).
 */
public final class AwsProvidersFamily implements BuiltinFamily {
  private static final List<String> REQUIRED_CONFIG =
      List.of("aws_access_key", "aws_region", "aws_secret_access_key", "aws_service");
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  @Override
  public void register(Builtins.Registrar r) {
    Type object = Type.objectOf(Type.STRING, Type.ANY);
    r.function("providers.aws.sign_req",
        List.of(Type.named("request", object), Type.named("aws_config", object), Type.named("time_ns", Type.NUMBER)),
        Type.named("signed_request", Type.objectOf(Type.ANY, Type.ANY)),
        (ctx, args) -> signRequest(args));
  }

  private static Value signRequest(Value[] args) {
    ObjectValue request = Operands.object(args, 1);
    // OPA reads the config with position 1 too, so its type error names operand 1.
    if (!(args[1] instanceof ObjectValue config)) {
      throw BuiltinException.operand(1, args[1], "object");
    }
    validateConfig(config);
    String service = stringOrEmpty(config.get("aws_service"));
    SigV4Signer.Credentials creds = new SigV4Signer.Credentials(
        stringOrEmpty(config.get("aws_access_key")),
        stringOrEmpty(config.get("aws_secret_access_key")),
        stringOrEmpty(config.get("aws_region")),
        stringOrEmpty(config.get("aws_session_token")));
    Instant time = signingTime(args[2]);
    HttpRequestOperand.validate(request, 1);

    Value headersValue = request.get("headers");
    ObjectValue headers = ObjectValue.EMPTY;
    if (headersValue != null) {
      if (!(headersValue instanceof ObjectValue h)) {
        throw BuiltinException.operand(0, headersValue, "object");
      }
      headers = h;
    }
    Value url = request.get("url");
    Value method = request.get("method");
    SetValue.Builder invalid = SetValue.builder();
    if (!(url instanceof StringValue)) {
      invalid.add(StringValue.of("url"));
    }
    if (!(method instanceof StringValue)) {
      invalid.add(StringValue.of("method"));
    }
    if (invalid.size() > 0) {
      throw BuiltinException.type("operand 1 invalid values for required request parameters(s): "
          + RegoText.write(invalid.build()));
    }
    GoUrl parsedUrl;
    try {
      parsedUrl = GoUrl.parse(((StringValue) url).value());
    } catch (UrlError e) {
      throw BuiltinException.error(e.getMessage());
    }
    byte[] body = body(request.get("body"), request.get("raw_body"));

    Map<String, String> headerMap = new LinkedHashMap<>();
    headers.entries().forEach(e -> headerMap.put(stringOrEmpty(e.getKey()), stringOrEmpty(e.getValue())));

    boolean disablePayloadSigning = false;
    Value disable = config.get("disable_payload_signing");
    if (disable != null) {
      if (!(disable instanceof BooleanValue b)) {
        throw BuiltinException.type("operand 2 invalid value for 'disable_payload_signing' in AWS config");
      }
      disablePayloadSigning = b.value();
    }

    SigV4Signer.Signature signature = SigV4Signer.sign(headerMap, ((StringValue) method).value(), parsedUrl, body,
        service, creds, time, disablePayloadSigning);
    ObjectValue.Builder signedHeaders = ObjectValue.builder();
    headerMap.forEach((k, v) -> signedHeaders.put(k, StringValue.of(v)));
    signedHeaders.put("Authorization", StringValue.of(signature.authorization()));
    signature.awsHeaders().forEach((k, v) -> signedHeaders.put(k, StringValue.of(v)));
    return request.with(StringValue.of("headers"), signedHeaders.build());
  }

  private static void validateConfig(ObjectValue config) {
    SetValue.Builder missing = SetValue.builder();
    SetValue.Builder invalid = SetValue.builder();
    for (String key : REQUIRED_CONFIG) {
      Value v = config.get(key);
      if (v == null) {
        missing.add(StringValue.of(key));
      } else if (!(v instanceof StringValue)) {
        invalid.add(StringValue.of(key));
      }
    }
    if (missing.size() > 0) {
      throw BuiltinException.type("operand 2 missing required AWS config parameters(s): " + RegoText.write(missing.build()));
    }
    if (invalid.size() > 0) {
      throw BuiltinException.type("operand 2 invalid values for required AWS config parameters(s): "
          + RegoText.write(invalid.build()));
    }
  }

  /**
   * The signing time. OPA accepts only numbers whose text parses as an int64, so it rejects literals
   * such as {@code -1e9}; numbers here are exact values without their text, so negative times (before
   * 1970, meaningless for signing) are rejected instead, with the same message.
   */
  private static Instant signingTime(Value v) {
    if (!(v instanceof NumberValue n)) {
      // position 1 again, as OPA reads it
      throw BuiltinException.operand(1, v, "number");
    }
    BigInteger nanos = n.bigIntegerValue();
    if (nanos == null || nanos.signum() < 0 || nanos.compareTo(MAX_NANOS) > 0) {
      throw BuiltinException.type("operand 3 could not convert time_ns value into a unix timestamp");
    }
    long ns = nanos.longValueExact();
    return Instant.ofEpochSecond(ns / 1_000_000_000L, ns % 1_000_000_000L);
  }

  /** raw_body wins over body; a body is signed as the JSON OPA would send. */
  private static byte[] body(Value body, Value rawBody) {
    if (rawBody != null) {
      return stringOrEmpty(rawBody).getBytes(StandardCharsets.UTF_8);
    }
    if (body != null) {
      return GoJsonWriter.compact(body).getBytes(StandardCharsets.UTF_8);
    }
    return new byte[0];
  }

  private static String stringOrEmpty(Value v) {
    return v instanceof StringValue s ? s.value() : "";
  }
}
