package io.kubepolicies.rego.builtins.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubepolicies.rego.RegoError;
import io.kubepolicies.rego.builtins.BuiltinException;
import io.kubepolicies.rego.builtins.FamilyCalls;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.NumberValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.SetValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import org.junit.jupiter.api.Test;

class AwsProvidersTest {
  private static final NumberValue TIME = NumberValue.of(1451311705000000000L);
  private static final String CONFIG = "{\"aws_access_key\": \"MYAWSACCESSKEYGOESHERE\","
      + " \"aws_secret_access_key\": \"MYAWSSECRETACCESSKEYGOESHERE\", \"aws_service\": \"s3\", \"aws_region\": \"us-east-1\"";
  private static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String BODY_SHA = "bacff6243c850423883052ac3c336fd645994442933408dfd3f9e858e69bda07";

  private final FamilyCalls calls = new FamilyCalls(new AwsProvidersFamily());

  private ObjectValue sign(Value request, String config) {
    return (ObjectValue) calls.call("providers.aws.sign_req", request, Json.parse(config), TIME);
  }

  private ObjectValue headers(Value request, String config) {
    return (ObjectValue) sign(request, config).get("headers");
  }

  private static String authorization(String signedHeaders, String signature) {
    return "AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders="
        + signedHeaders + ",Signature=" + signature;
  }

  private static ObjectValue bodyRequest(String extra) {
    ObjectValue base = (ObjectValue) Json.parse("{\"method\": \"get\", \"url\": \"https://example.com\"" + extra + "}");
    return base.with(StringValue.of("body"), ObjectValue.builder()
        .put("example", SetValue.of(NumberValue.of(1), NumberValue.of(2), NumberValue.of(3), NumberValue.of(4)))
        .build());
  }

  @Test
  void signsASimpleRequest() {
    ObjectValue signed = sign(Json.parse("{\"method\": \"get\", \"url\": \"http://example.com\"}"), CONFIG + "}");
    assertEquals(Json.parse("{\"method\": \"get\", \"url\": \"http://example.com\", \"headers\": {"
        + "\"Authorization\": \"" + authorization("host;x-amz-content-sha256;x-amz-date",
            "0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3") + "\","
        + "\"host\": \"example.com\", \"x-amz-content-sha256\": \"" + EMPTY_SHA + "\","
        + "\"x-amz-date\": \"20151228T140825Z\"}}"), signed);
  }

  @Test
  void signsCallerHeaders() {
    ObjectValue h = headers(Json.parse("{\"method\": \"get\", \"url\": \"http://example.com\", \"headers\": {\"foo\": \"bar\"}}"),
        CONFIG + "}");
    assertEquals(StringValue.of(authorization("foo;host;x-amz-content-sha256;x-amz-date",
        "8f1dc7c9b9978356a0d0989fd26a95307f4f8a4aa264d8220647b7097d839952")), h.get("Authorization"));
    assertEquals(StringValue.of("bar"), h.get("foo"));
  }

  @Test
  void addsTheSessionToken() {
    ObjectValue h = headers(Json.parse("{\"method\": \"get\", \"url\": \"http://example.com\"}"),
        CONFIG + ", \"aws_session_token\": \"MYAWSSECURITYTOKENGOESHERE\"}");
    assertEquals(StringValue.of(authorization("host;x-amz-content-sha256;x-amz-date;x-amz-security-token",
        "23c31bda8a74630c0a94f6b82a3511e7e74728df98e6f54ed0840488dbbdc8d1")), h.get("Authorization"));
    assertEquals(StringValue.of("MYAWSSECURITYTOKENGOESHERE"), h.get("x-amz-security-token"));
  }

  @Test
  void hashesTheJsonBodyOrTheRawBody() {
    ObjectValue body = (ObjectValue) Json.parse("{\"method\": \"get\", \"url\": \"http://example.com\"}");
    ObjectValue withBody = body.with(StringValue.of("body"), bodyRequest("").get("body"));
    ObjectValue h = headers(withBody, CONFIG + "}");
    assertEquals(StringValue.of(BODY_SHA), h.get("x-amz-content-sha256"));
    assertEquals(StringValue.of(authorization("host;x-amz-content-sha256;x-amz-date",
        "5fb06ab1cfd74c8fcb3af95b8cce696708cf6155d971dac10f254d79799c6e88")), h.get("Authorization"));

    ObjectValue raw = body.with(StringValue.of("raw_body"), StringValue.of("{\"example\": {1, 2, 3, 4}}"));
    String rawAuth = authorization("host;x-amz-content-sha256;x-amz-date",
        "5bf26e169cb8b02330dba39d53932532438fc856c2f10537689a09ed807c7195");
    assertEquals(StringValue.of(rawAuth), headers(raw, CONFIG + "}").get("Authorization"));
    ObjectValue both = raw.with(StringValue.of("body"), withBody.get("body"));
    assertEquals(StringValue.of(rawAuth), headers(both, CONFIG + "}").get("Authorization"));
  }

  @Test
  void payloadSigningCanBeDisabled() {
    ObjectValue request = (ObjectValue) Json.parse(
        "{\"method\": \"get\", \"url\": \"https://example.com\", \"headers\": {\"foo\": \"bar\"}}");
    ObjectValue off = headers(request, CONFIG + ", \"disable_payload_signing\": true}");
    assertEquals(StringValue.of("UNSIGNED-PAYLOAD"), off.get("x-amz-content-sha256"));
    assertEquals(StringValue.of(authorization("foo;host;x-amz-content-sha256;x-amz-date",
        "c6e6db654e92172f71e18c714c123711de069ac6fd7df1348e5b28fd05532028")), off.get("Authorization"));
    ObjectValue on = headers(request, CONFIG + ", \"disable_payload_signing\": false}");
    assertEquals(StringValue.of(authorization("foo;host;x-amz-content-sha256;x-amz-date",
        "8f1dc7c9b9978356a0d0989fd26a95307f4f8a4aa264d8220647b7097d839952")), on.get("Authorization"));
    ObjectValue bodyOff = headers(bodyRequest(", \"headers\": {\"foo\": \"bar\"}"), CONFIG + ", \"disable_payload_signing\": true}");
    assertEquals(off.get("Authorization"), bodyOff.get("Authorization"));
    ObjectValue bodyOn = headers(bodyRequest(", \"headers\": {\"foo\": \"bar\"}"), CONFIG + "}");
    assertEquals(StringValue.of(authorization("foo;host;x-amz-content-sha256;x-amz-date",
        "f6703a8727ec0a32f81b225a002f622e511e8a7d2ca8914894fcbb7a71d8d9d8")), bodyOn.get("Authorization"));
  }

  @Test
  void aCallersContentHashIsSignedButReplacedInTheOutput() {
    String headers = ", \"headers\": {\"foo\": \"bar\", \"x-amz-content-sha256\": \"existing-value\"}";
    ObjectValue signed = headers(bodyRequest(headers), CONFIG + ", \"disable_payload_signing\": false}");
    assertEquals(StringValue.of(authorization("foo;host;x-amz-content-sha256;x-amz-date",
        "42bcac7fc6d170e09be72fdf38b62e59361265bc59d5f9156f0d6faf889e98ba")), signed.get("Authorization"));
    assertEquals(StringValue.of(BODY_SHA), signed.get("x-amz-content-sha256"));
    ObjectValue unsigned = headers(bodyRequest(headers), CONFIG + ", \"disable_payload_signing\": true}");
    assertEquals(StringValue.of(authorization("foo;host;x-amz-content-sha256;x-amz-date",
        "edcd3ca3fd3acdfbcecad1a1d8062dbc6562d90352e294c336f9727397f9c383")), unsigned.get("Authorization"));
    assertEquals(StringValue.of("UNSIGNED-PAYLOAD"), unsigned.get("x-amz-content-sha256"));
  }

  @Test
  void otherServicesGetNoContentHashHeader() {
    ObjectValue h = headers(Json.parse("{\"method\": \"get\", \"url\": \"https://sts.amazonaws.com/?Action=x\"}"),
        CONFIG.replace("\"s3\"", "\"sts\"") + "}");
    assertEquals(null, h.get("x-amz-content-sha256"));
    assertEquals(StringValue.of("sts.amazonaws.com"), h.get("host"));
  }

  private BuiltinException failure(Value request, Value config, Value time) {
    return calls.failure("providers.aws.sign_req", request, config, time);
  }

  @Test
  void rejectsMissingAndMistypedRequestKeys() {
    BuiltinException missing = failure(ObjectValue.EMPTY, Json.parse(CONFIG + "}"), TIME);
    assertEquals(RegoError.EVAL_TYPE, missing.code());
    assertEquals("operand 1 missing required request parameters(s): {\"method\", \"url\"}", missing.getMessage());
    ObjectValue sets = ObjectValue.builder().put("method", SetValue.EMPTY).put("url", SetValue.EMPTY).build();
    assertEquals("operand 1 invalid values for required request parameters(s): {\"method\", \"url\"}",
        failure(sets, Json.parse(CONFIG + "}"), TIME).getMessage());
    assertEquals("operand 1 invalid request parameters(s): {\"bogus\"}",
        failure(Json.parse("{\"method\": \"get\", \"url\": \"u\", \"bogus\": 1}"), Json.parse(CONFIG + "}"), TIME).getMessage());
  }

  @Test
  void rejectsMissingAndMistypedConfig() {
    Value request = Json.parse("{\"method\": \"get\", \"url\": \"http://example.com\"}");
    assertEquals("operand 2 missing required AWS config parameters(s): "
        + "{\"aws_access_key\", \"aws_region\", \"aws_secret_access_key\", \"aws_service\"}",
        failure(request, Json.parse("{\"example\": \"example\"}"), TIME).getMessage());
    assertEquals("operand 2 invalid values for required AWS config parameters(s): "
        + "{\"aws_access_key\", \"aws_region\", \"aws_secret_access_key\", \"aws_service\"}",
        failure(request, Json.parse("{\"aws_access_key\": 1, \"aws_secret_access_key\": 2, \"aws_session_token\": 3,"
            + " \"aws_service\": 4, \"aws_region\": 5}"), TIME).getMessage());
    BuiltinException flag = failure(request, Json.parse(CONFIG + ", \"disable_payload_signing\": \"false\"}"), TIME);
    assertEquals(RegoError.EVAL_TYPE, flag.code());
    assertEquals("operand 2 invalid value for 'disable_payload_signing' in AWS config", flag.getMessage());
  }

  @Test
  void rejectsUnusableTimes() {
    Value request = Json.parse("{\"method\": \"get\", \"url\": \"http://example.com\"}");
    String message = "operand 3 could not convert time_ns value into a unix timestamp";
    assertEquals(message, failure(request, Json.parse(CONFIG + "}"), NumberValue.of(-1_000_000_000L)).getMessage());
    assertEquals(message, failure(request, Json.parse(CONFIG + "}"), NumberValue.parse("1.5")).getMessage());
    assertEquals(message, failure(request, Json.parse(CONFIG + "}"), NumberValue.parse("1e30")).getMessage());
    assertEquals("operand 1 must be number but got string",
        failure(request, Json.parse(CONFIG + "}"), StringValue.of("now")).getMessage());
  }

  @Test
  void rejectsBadUrlsAndHeaders() {
    assertEquals("parse \"http://a b\": invalid character \" \" in host name",
        failure(Json.parse("{\"method\": \"get\", \"url\": \"http://a b\"}"), Json.parse(CONFIG + "}"), TIME).getMessage());
    assertEquals("operand 0 must be object but got array",
        failure(Json.parse("{\"method\": \"get\", \"url\": \"http://a\", \"headers\": []}"), Json.parse(CONFIG + "}"), TIME)
            .getMessage());
    assertEquals("operand 1 must be object but got string",
        failure(StringValue.of("r"), Json.parse(CONFIG + "}"), TIME).getMessage());
  }
}
