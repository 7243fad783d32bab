package kr.outage.compensation.entitlement.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Signs App Store Server Notifications the way Apple does, for tests: an ES256 JWS whose x5c header
 * carries a three-certificate chain (signing certificate, intermediate, root) with Apple's marker
 * extensions on the first two. The root here is made per test run and given to the service as its
 * trusted root, in place of Apple's; {@link #forger()} makes a second, untrusted chain of the same shape.
 */
public final class AppleNotary {

    /** Apple's marker extensions, which its verifier requires on the chain. */
    private static final String WWDR_INTERMEDIATE_OID = "1.2.840.113635.100.6.2.1";
    private static final String RECEIPT_SIGNER_OID = "1.2.840.113635.100.6.11.1";

    private final ECPrivateKey signingKey;
    private final List<String> x5c;
    private final byte[] rootDer;

    private AppleNotary() throws Exception {
        KeyPair root = ecKeyPair(), intermediate = ecKeyPair(), leaf = ecKeyPair();
        rootDer = certificate("CN=Test Root CA - G3 (tests only)", "CN=Test Root CA - G3 (tests only)", root, root.getPrivate(), true, null);
        byte[] intermediateDer = certificate("CN=Test WWDR (tests only)", "CN=Test Root CA - G3 (tests only)", intermediate,
                root.getPrivate(), true, WWDR_INTERMEDIATE_OID);
        byte[] leafDer = certificate("CN=Test App Store signing (tests only)", "CN=Test WWDR (tests only)", leaf,
                intermediate.getPrivate(), false, RECEIPT_SIGNER_OID);
        Base64.Encoder b64 = Base64.getEncoder();
        x5c = List.of(b64.encodeToString(leafDer), b64.encodeToString(intermediateDer), b64.encodeToString(rootDer));
        signingKey = (ECPrivateKey) leaf.getPrivate();
    }

    public static AppleNotary create() {
        try {
            return new AppleNotary();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Someone else's chain of the same shape, which the service does not trust. */
    public static AppleNotary forger() {
        return create();
    }

    /** The root certificate (DER) written to a file, for the service's trusted roots. */
    public Path writeRoot(Path dir) throws Exception {
        Path file = dir.resolve("test-only-apple-root.cer");
        Files.write(file, rootDer);
        file.toFile().deleteOnExit();
        return file;
    }

    /** {@code claims} as a JWS signed by this notary's signing certificate. */
    public String sign(Map<String, ?> claims) {
        return JWT.create().withHeader(Map.of("x5c", x5c)).withPayload(claims).sign(Algorithm.ECDSA256(null, signingKey));
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return ec.generateKeyPair();
    }

    private static byte[] certificate(String subject, String issuer, KeyPair subjectKeys, PrivateKey issuerKey, boolean ca,
                                      String markerOid) throws Exception {
        AlgorithmIdentifier ecdsaSha256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(System.nanoTime())));
        tbs.setIssuer(new X500Name(issuer));
        tbs.setSubject(new X500Name(subject));
        tbs.setStartDate(new Time(Date.from(Instant.now().minus(Duration.ofDays(1)))));
        tbs.setEndDate(new Time(Date.from(Instant.now().plus(Duration.ofDays(30)))));
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(subjectKeys.getPublic().getEncoded()));
        tbs.setSignature(ecdsaSha256);
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (markerOid != null) {
            extensions.addExtension(new ASN1ObjectIdentifier(markerOid), false, DERNull.INSTANCE);
        }
        tbs.setExtensions(extensions.generate());
        TBSCertificate certificate = tbs.generateTBSCertificate();
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(issuerKey);
        signature.update(certificate.getEncoded(ASN1Encoding.DER));
        ASN1EncodableVector signed = new ASN1EncodableVector();
        signed.add(certificate);
        signed.add(ecdsaSha256);
        signed.add(new DERBitString(signature.sign()));
        return new DERSequence(signed).getEncoded(ASN1Encoding.DER);
    }
}
