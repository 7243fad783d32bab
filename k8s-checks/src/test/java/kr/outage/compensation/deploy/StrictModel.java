package kr.outage.compensation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks a manifest against the Kubernetes API model (fabric8's, generated from the API's OpenAPI
 * schema): the kind must be a known one, every value must have its field's type, and no field may
 * be unknown. fabric8 keeps unknown fields aside in {@code additionalProperties} instead of failing,
 * so this walks the parsed object and reports every such field with its path: a misspelt
 * {@code readinesProbe} is as wrong as a string where a number belongs.
 */
final class StrictModel {

    private StrictModel() {
    }

    static List<String> problems(JsonNode manifest) {
        String where = manifest.path("kind").asText() + "/" + manifest.path("metadata").path("name").asText();
        List<String> problems = new ArrayList<>();
        KubernetesResource parsed;
        try {
            parsed = Serialization.unmarshal(manifest.toString(), KubernetesResource.class);
        } catch (RuntimeException e) {
            problems.add(where + ": does not match the API model: " + rootMessage(e));
            return problems;
        }
        if (parsed == null || parsed instanceof GenericKubernetesResource) {
            problems.add(where + ": " + manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText()
                    + " is not a kind of the Kubernetes API");
            return problems;
        }
        walk(parsed, where, problems);
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Quantity || value instanceof IntOrString) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
                continue;
            }
            walk(field, path + "." + decapitalize(getter.getName().substring(3)), problems);
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse("");
    }
}
