package kr.outage.compensation.payout.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The account keys tests run with: a fresh copy of the development keys in target/, so that a test
 * can add a key (a rotation) without touching the repository's files.
 */
public class AccountKeys implements QuarkusTestResourceLifecycleManager {

    public static final Path DIR = Path.of("target/test-account-keys");

    @Override
    public Map<String, String> start() {
        try {
            if (Files.exists(DIR)) {
                try (Stream<Path> old = Files.walk(DIR)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(DIR);
            try (Stream<Path> keys = Files.list(Path.of("../dev-keys/account-keys"))) {
                for (Path key : keys.filter(k -> k.toString().endsWith(".key")).toList()) {
                    Files.copy(key, DIR.resolve(key.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
