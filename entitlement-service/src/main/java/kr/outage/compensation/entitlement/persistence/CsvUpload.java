package kr.outage.compensation.entitlement.persistence;

import kr.outage.compensation.platform.csv.Utf8Lines;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.problem.ProblemType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a CSV upload into PostgreSQL with COPY, line by line: memory stays flat whatever the size.
 * Each line is validated by the format; valid rows go to COPY, invalid ones are reported with their
 * line number (the first {@link #MAX_REPORTED} in full, all of them counted), and so is a line that
 * is not UTF-8 or holds a control character. A file that is not readable at all (wrong header,
 * broken upload) rolls the whole transaction back.
 */
public final class CsvUpload {

    public static final int MAX_REPORTED = 1000;
    private static final int FLUSH_BYTES = 1 << 16;

    /** One CSV format: its header, its COPY target, and how a line becomes a COPY text row. */
    public interface Format {
        List<String> header();

        /** e.g. "COPY subscription (user_id, ...) FROM STDIN" */
        String copyStatement();

        /** The row in COPY text format (tab-separated, \N for null), or throws {@link Rejected}. */
        String toCopyRow(String[] fields) throws Rejected;
    }

    public static final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    public record Rejection(long line, String reason) {
    }

    public record Outcome(long received, long copied, long rejected, List<Rejection> rejections) {
    }

    private CsvUpload() {
    }

    public static Outcome copy(Connection c, InputStream body, Format format) throws SQLException {
        return copy(c, body, List.of(format));
    }

    /**
     * As {@link #copy(Connection, InputStream, Format)}, with the format chosen by the file's header
     * among {@code formats} (e.g. a file with or without optional trailing columns).
     */
    public static Outcome copy(Connection c, InputStream body, List<Format> formats) throws SQLException {
        Utf8Lines lines = new Utf8Lines(body);
        Format format;
        try {
            format = chooseFormat(lines.next(), formats);
        } catch (IOException e) {
            throw unreadable("the upload broke off (" + e.getMessage() + ")");
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(format.copyStatement());
        long received = 0, copied = 0, rejected = 0;
        List<Rejection> rejections = new ArrayList<>();
        StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 1024);
        try (lines) {
            for (Utf8Lines.Line line; (line = lines.next()) != null; ) {
                if (line.readable() && line.text().isBlank()) {
                    continue;
                }
                received++;
                try {
                    if (!line.readable()) {
                        throw new Rejected("the line " + line.defect());
                    }
                    buffer.append(format.toCopyRow(fields(line.text(), format))).append('\n');
                    copied++;
                } catch (Rejected r) {
                    rejected++;
                    if (rejections.size() < MAX_REPORTED) {
                        rejections.add(new Rejection(line.number(), r.getMessage()));
                    }
                }
                if (buffer.length() >= FLUSH_BYTES) {
                    flush(copy, buffer);
                }
            }
            flush(copy, buffer);
            copy.endCopy();
            return new Outcome(received, copied, rejected, rejections);
        } catch (IOException e) {
            cancel(copy);
            throw unreadable("the upload broke off (" + e.getMessage() + ")");
        } catch (RuntimeException | SQLException e) {
            cancel(copy);
            throw e;
        }
    }

    private static Format chooseFormat(Utf8Lines.Line header, List<Format> formats) {
        if (header != null && header.readable()) {
            for (Format f : formats) {
                if (header.text().trim().equals(String.join(",", f.header()))) {
                    return f;
                }
            }
        }
        String expected = formats.stream().map(f -> "'" + String.join(",", f.header()) + "'")
                .reduce((a, b) -> a + " or " + b).orElseThrow();
        throw unreadable("line 1 must be the header " + expected
                + (header != null && !header.readable() ? "; it " + header.defect() : ""));
    }

    /** The line's fields, trimmed; COPY's own special characters are refused rather than escaped. */
    private static String[] fields(String text, Format format) throws Rejected {
        String[] fields = text.split(",", -1);
        if (fields.length != format.header().size()) {
            throw new Rejected("expected " + format.header().size() + " fields, found " + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].trim();
            if (fields[i].indexOf('"') >= 0 || fields[i].indexOf('\t') >= 0 || fields[i].indexOf('\\') >= 0) {
                throw new Rejected("field " + format.header().get(i) + " contains a quote, tab or backslash");
            }
        }
        return fields;
    }

    private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private static void cancel(CopyIn copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back by the caller either way
        }
    }

    private static ProblemException unreadable(String detail) {
        return new ProblemException(ProblemType.UNREADABLE_IMPORT, "Nothing was imported: " + detail);
    }

    public static String nullable(String field) {
        return field == null || field.isEmpty() ? "\\N" : field;
    }
}
