package io.kubepolicies.rego.builtins.crypto;

import io.kubepolicies.rego.value.ArrayValue;
import io.kubepolicies.rego.value.NullValue;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;
import io.kubepolicies.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1NumericString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A distinguished name as Go's {@code pkix.Name} after {@code FillFromRDNSequence}, marshalled to
 * JSON: the well-known attributes in their own fields, every attribute in {@code Names}.
 */
final class GoPkixName {
  private GoPkixName() {}

  static Value toJson(byte[] der) {
    X500Name name;
    try {
      name = X500Name.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (Exception e) {
      throw new X509Exception("x509: invalid RDNSequence");
    }
    List<String> country = null;
    List<String> organization = null;
    List<String> organizationalUnit = null;
    List<String> locality = null;
    List<String> province = null;
    List<String> streetAddress = null;
    List<String> postalCode = null;
    String serialNumber = "";
    String commonName = "";
    List<Value> names = null;
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
        String value = attributeString(atv.getValue());
        ASN1ObjectIdentifier type = atv.getType();
        names = GoValues.append(names, ObjectValue.builder()
            .put("Type", GoValues.oid(type))
            .put("Value", StringValue.of(value))
            .build());
        String id = type.getId();
        if (!id.startsWith("2.5.4.") || id.indexOf('.', 6) >= 0) {
          continue;
        }
        switch (id.substring(6)) {
          case "3" -> commonName = value;
          case "5" -> serialNumber = value;
          case "6" -> country = GoValues.append(country, value);
          case "7" -> locality = GoValues.append(locality, value);
          case "8" -> province = GoValues.append(province, value);
          case "9" -> streetAddress = GoValues.append(streetAddress, value);
          case "10" -> organization = GoValues.append(organization, value);
          case "11" -> organizationalUnit = GoValues.append(organizationalUnit, value);
          case "17" -> postalCode = GoValues.append(postalCode, value);
          default -> {
            // other attributes appear only in Names
          }
        }
      }
    }
    return ObjectValue.builder()
        .put("Country", GoValues.strings(country))
        .put("Organization", GoValues.strings(organization))
        .put("OrganizationalUnit", GoValues.strings(organizationalUnit))
        .put("Locality", GoValues.strings(locality))
        .put("Province", GoValues.strings(province))
        .put("StreetAddress", GoValues.strings(streetAddress))
        .put("PostalCode", GoValues.strings(postalCode))
        .put("SerialNumber", StringValue.of(serialNumber))
        .put("CommonName", StringValue.of(commonName))
        .put("Names", names == null ? NullValue.NULL : ArrayValue.of(new ArrayList<>(names)))
        .put("ExtraNames", NullValue.NULL)
        .build();
  }

  /** Go accepts only these string types in names (parseASN1String). */
  private static String attributeString(ASN1Encodable value) {
    ASN1Primitive p = value.toASN1Primitive();
    if (p instanceof ASN1UTF8String || p instanceof ASN1PrintableString || p instanceof ASN1IA5String
        || p instanceof ASN1T61String || p instanceof ASN1BMPString || p instanceof ASN1NumericString) {
      return ((ASN1String) p).getString();
    }
    throw new X509Exception("x509: invalid RDNSequence: invalid attribute value: unsupported string type");
  }
}
