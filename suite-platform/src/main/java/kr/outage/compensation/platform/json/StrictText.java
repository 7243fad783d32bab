package kr.outage.compensation.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;

/**
 * Every string field of every request body: a JSON string and nothing else, without control
 * characters.
 *
 * <p>Jackson on its own turns {@code false} and {@code 12} into the strings "false" and "12", so a
 * list of functions could store a function called "false"; and a NUL character passes Jackson but
 * fails in PostgreSQL, which cannot store it in text, as a server error. Both are the client's
 * mistake and are refused here as a 400 naming the field. Tab, line feed and carriage return stay
 * allowed (a cause or an update message may have several lines); every other C0 control, DEL and
 * the C1 controls are refused rather than stripped, so what is stored is exactly what was sent.
 */
public class StrictText extends StdScalarDeserializer<String> {

    public StrictText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new Refused(parser, "must be a string, not " + tokenName(parser.currentToken()));
        }
        String text = parser.getText();
        int bad = firstControl(text);
        if (bad >= 0) {
            throw new Refused(parser, String.format("must not contain control characters (U+%04X at position %d)",
                    (int) text.charAt(bad), bad));
        }
        return text;
    }

    /** The index of the first character no text field may hold, or -1. */
    public static int firstControl(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return i;
            }
        }
        return -1;
    }

    private static String tokenName(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> token.asString() == null ? token.name().toLowerCase() : token.asString();
        };
    }

    /** A string field the client filled wrongly; the message is what the problem's field error says. */
    public static final class Refused extends MismatchedInputException {

        private final String reason;

        Refused(JsonParser parser, String reason) {
            super(parser, reason, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
