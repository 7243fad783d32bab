package kr.outage.compensation.platform.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON is read as it was written, with no guessing: money is whole won (1500.5 is refused, not
 * truncated to 1500), a number is not a string, an enum's position or a moment in time, "1500" is
 * not a number, and a boolean is not text. The published schema says which type each field has; anything else is a
 * 400 that names the field. (Request records use boxed types with {@code @NotNull}, so a missing
 * value is a validation error, not a zero.)
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation") // the builder is not available through Quarkus's customizer
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.registerModule(new SimpleModule("suite-strict-text").addDeserializer(String.class, new StrictText())
                .setDeserializerModifier(new TextOnlyTimes()));
    }
}
