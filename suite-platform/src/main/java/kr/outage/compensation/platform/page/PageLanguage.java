package kr.outage.compensation.platform.page;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.Locale;

/** Korean unless the reader asked for English with {@code ?lang=en}: the pages' readers are Korean. */
public enum PageLanguage {
    KO, EN;

    public static PageLanguage of(String lang) {
        return "en".equalsIgnoreCase(lang) ? EN : KO;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** The other language, for the switch link. */
    public PageLanguage other() {
        return this == KO ? EN : KO;
    }

    /** The page rendered with this language's message bundle. */
    public TemplateInstance apply(TemplateInstance page) {
        return page.setAttribute(MessageBundles.ATTRIBUTE_LOCALE, locale());
    }
}
