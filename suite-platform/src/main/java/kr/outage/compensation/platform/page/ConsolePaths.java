package kr.outage.compensation.platform.page;

import io.quarkus.qute.TemplateGlobal;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@code consolePath} in every template: the console's root, where its sign-in and sign-out live. */
@TemplateGlobal
public class ConsolePaths {

    static String consolePath() {
        return ConfigProvider.getConfig().getOptionalValue("suite.console.path", String.class).orElse("/console");
    }
}
