package kr.outage.compensation.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deque's axe-core accessibility engine, run inside the page the browser shows, at a given viewport
 * width (a phone's is emulated, as a window cannot be made that narrow). Returns the violations of
 * impact serious or critical: what keeps someone from reading or using the page.
 */
final class AxeAudit {

    private static final String AXE = load();

    private AxeAudit() {
    }

    /** One violation: the rule, its impact, and the elements it was found on. */
    record Violation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    static List<Violation> seriousOrCritical(ChromeDriver driver, int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
        try {
            driver.executeScript(AXE);
            Object json = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)),"
                    + " e => done(JSON.stringify({error: String(e)})));");
            JsonNode violations = new ObjectMapper().readTree((String) json);
            if (violations.has("error")) {
                throw new IllegalStateException("axe-core failed: " + violations.get("error").asText());
            }
            List<Violation> found = new ArrayList<>();
            for (JsonNode v : violations) {
                String impact = v.path("impact").asText("");
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> targets = new ArrayList<>();
                    v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                    found.add(new Violation(v.path("id").asText(), impact, v.path("help").asText(), targets));
                }
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static String load() {
        try (InputStream in = AxeAudit.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
