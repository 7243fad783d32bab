package kr.outage.compensation.platform.security;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Personal data at rest (bank accounts, e-mail addresses, phone numbers): AES-256-GCM under keys read
 * from a mounted directory (a Secret in a cluster), one file per key named {@code <key id>.key} holding
 * 32 bytes in base64; the key whose id sorts last is current (add a key with a later name to rotate).
 * A ciphertext reads {@code enc1:<key id>:<base64(iv | ciphertext | tag)>}: the key id travels with it,
 * so old rows stay readable while they are re-encrypted. The caller's associated data (the row's own
 * id) binds a ciphertext to its row: copied onto another row, it does not decrypt. {@code hash.key}
 * keys an HMAC-SHA256, to compare values without decrypting them. Each service wraps one ring in a
 * bean of its own, with its own directory and its own idea of what the associated data is.
 */
public final class KeyRing {

    static final String PREFIX = "enc1:";
    private static final String HASH_KEY = "hash";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String dir;
    private final String what;
    private final BiConsumer<byte[], String> refuseKey;
    private final SecureRandom random = new SecureRandom();
    /** Cipher and Mac objects are not thread-safe and not cheap to look up: one of each per thread. */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private volatile Map<String, SecretKeySpec> keys = Map.of();
    private volatile String current;
    private volatile SecretKeySpec hashKey;

    /**
     * {@code what}: the data's name in messages ("account", "contact"); {@code refuseKey}: called with
     * each key read and its file, throws to refuse it (a development key in production).
     */
    public KeyRing(String dir, String what, BiConsumer<byte[], String> refuseKey) {
        this.dir = dir;
        this.what = what;
        this.refuseKey = refuseKey;
        reload();
    }

    /** Reads the key directory again (a key added to the Secret becomes current). */
    public synchronized void reload() {
        Map<String, SecretKeySpec> found = new TreeMap<>();
        SecretKeySpec hash = null;
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".key")).sorted().toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.key$", "");
                byte[] bytes = Base64.getDecoder().decode(Files.readString(file).strip());
                if (bytes.length != 32) {
                    throw new IllegalStateException("Key " + file + " must hold 32 bytes in base64");
                }
                refuseKey.accept(bytes, file.toString());
                if (id.equals(HASH_KEY)) {
                    hash = new SecretKeySpec(bytes, "HmacSHA256");
                } else if (id.matches("[A-Za-z0-9._-]{1,40}")) {
                    found.put(id, new SecretKeySpec(bytes, "AES"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + what + " keys in " + dir, e);
        }
        if (found.isEmpty() || hash == null) {
            throw new IllegalStateException("The " + what + " key directory " + dir + " needs at least one <id>.key and hash.key");
        }
        keys = Map.copyOf(found);
        current = ((TreeMap<String, SecretKeySpec>) found).lastKey();
        hashKey = hash;
    }

    public String currentKeyId() {
        return current;
    }

    /** Whether the text is a ciphertext under the current key (a rotation's test). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX + current + ":");
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String encrypt(String plaintext, byte[] associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + current + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plaintext; a value stored before encryption existed is returned as it is. */
    public String decrypt(String stored, byte[] associatedData) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("No " + what + " key " + keyId + " is mounted; it is still needed to read old rows");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored " + what + " does not decrypt (tampered, or moved from another row)", e);
        }
    }

    /** A keyed hash: equal for equal values, useless without the key. */
    public String hash(String value) {
        try {
            Mac mac = macs.get();
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Hashing failed", e);
        }
    }
}
