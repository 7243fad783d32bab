package kr.outage.compensation.platform.csv;

import kr.outage.compensation.platform.json.StrictText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of an uploaded text file, each decoded on its own as strict UTF-8, numbered from 1.
 *
 * <p>A reader over the whole stream either turns malformed bytes into U+FFFD (which then gets stored
 * as if the business were called "�") or fails somewhere ahead of the line being read, so the line
 * number it reports is wrong. Splitting on the byte {@code \n} first is safe in UTF-8 (no multi-byte
 * sequence contains it), and a defective line is reported with its own number while the lines around
 * it are read normally. Control characters other than tab are a defect too: PostgreSQL cannot store
 * a NUL, and no field of the suite's imports has a use for the others.
 */
public final class Utf8Lines implements AutoCloseable {

    /** Longer lines are reported as defective, so one endless line cannot take the service's memory. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    /** One line: its text, or the reason it cannot be read (then {@code text} is null). */
    public record Line(long number, String text, String defect) {

        public boolean readable() {
            return defect == null;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line = new byte[1024];
    private long number;
    private boolean ended;

    public Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null after the last one. */
    public Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (chunkStart == chunkEnd) {
                if (ended || !fill()) {
                    ended = true;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int newline = indexOf(chunk, chunkStart, chunkEnd);
            int end = newline < 0 ? chunkEnd : newline;
            int take = end - chunkStart;
            if (!tooLong && length + take > MAX_LINE_BYTES) {
                tooLong = true;
            }
            if (!tooLong) {
                if (length + take > line.length) {
                    line = Arrays.copyOf(line, Math.max(line.length * 2, length + take));
                }
                System.arraycopy(chunk, chunkStart, line, length, take);
                length += take;
            }
            chunkStart = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "is longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        String text;
        try {
            text = decoder.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return new Line(number, null, "is not valid UTF-8 text");
        }
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark some spreadsheet programs write
        }
        int control = StrictText.firstControl(text);
        if (control >= 0) {
            return new Line(number, null, String.format("contains a control character (U+%04X)", (int) text.charAt(control)));
        }
        return new Line(number, text, null);
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk, 0, chunk.length);
        while (read == 0) {
            read = in.read(chunk, 0, chunk.length);
        }
        if (read < 0) {
            return false;
        }
        chunkStart = 0;
        chunkEnd = read;
        return true;
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
