package kr.outage.compensation.payout.service;

import kr.outage.compensation.platform.csv.Utf8Lines;
import kr.outage.compensation.platform.problem.GeneralProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.domain.BusinessRegistrationNumber;
import kr.outage.compensation.payout.persistence.BaselineStore;
import kr.outage.compensation.platform.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a CSV of baseline sales into the program, one chunk at a time, so a file of millions of
 * rows never sits in memory. Each row is validated; bad rows (also a line that is not UTF-8 or
 * holds a control character) are reported by line number and skipped, good ones stored. A file whose header is wrong is refused before anything is stored.
 */
@ApplicationScoped
public class BaselineImport {

    public static final String HEADER = "business_registration_number,business_name,category,service,daily_sales_krw";
    /** The same, with the daily sales split across platforms (adding up to daily_sales_krw). */
    public static final String HEADER_WITH_SPLIT = HEADER + ",daily_sales_mobile_krw,daily_sales_web_krw,daily_sales_pc_krw";
    static final int CHUNK = 1_000;
    static final int REJECTIONS_LISTED = 1_000;
    private static final Duration CHUNK_TIMEOUT = Duration.ofMinutes(1);

    /** The outcome: counts, and the first rejected rows with why. */
    public record Report(long accepted, long rejected, List<Rejection> rejections) {
    }

    public record Rejection(long line, String reason) {
    }

    @Inject
    BaselineStore store;
    @Inject
    Clock clock;

    /** Runs on a worker thread: it reads a blocking stream. */
    public Report run(Program program, InputStream csv) {
        try (Utf8Lines lines = new Utf8Lines(csv)) {
            Utf8Lines.Line header = lines.next();
            String columns = header == null || !header.readable() ? "" : header.text().strip();
            if (!columns.equals(HEADER) && !columns.equals(HEADER_WITH_SPLIT)) {
                throw ProblemException.field(GeneralProblem.VALIDATION_FAILED, "file",
                        "must be UTF-8 CSV with the header line: " + HEADER + " (optionally followed by "
                                + HEADER_WITH_SPLIT.substring(HEADER.length() + 1) + ")");
            }
            int fieldCount = columns.equals(HEADER) ? 5 : 8;
            List<BaselineStore.Baseline> chunk = new ArrayList<>(CHUNK);
            List<Rejection> rejections = new ArrayList<>();
            long accepted = 0;
            long rejected = 0;
            for (Utf8Lines.Line line; (line = lines.next()) != null; ) {
                if (line.readable() && line.text().isBlank()) {
                    continue;
                }
                try {
                    if (!line.readable()) {
                        throw new IllegalArgumentException("the line " + line.defect());
                    }
                    chunk.add(parse(program, line.text(), fieldCount));
                } catch (IllegalArgumentException e) {
                    rejected++;
                    if (rejections.size() < REJECTIONS_LISTED) {
                        rejections.add(new Rejection(line.number(), e.getMessage()));
                    }
                    continue;
                }
                if (chunk.size() == CHUNK) {
                    accepted += flush(program, chunk);
                }
            }
            accepted += flush(program, chunk);
            return new Report(accepted, rejected, rejections);
        } catch (IOException e) {
            throw new UncheckedIOException("The baseline upload broke off", e);
        }
    }

    private int flush(Program program, List<BaselineStore.Baseline> chunk) {
        int size = chunk.size();
        store.upsert(program.id(), List.copyOf(chunk), clock.instant()).await().atMost(CHUNK_TIMEOUT);
        chunk.clear();
        return size;
    }

    static BaselineStore.Baseline parse(Program program, String line, int fieldCount) {
        List<String> fields = CsvLine.split(line);
        if (fields.size() != fieldCount) {
            throw new IllegalArgumentException("expected " + fieldCount + " fields, found " + fields.size());
        }
        String input = fields.get(0).strip();
        BusinessRegistrationNumber.check(input).ifPresent(defect -> {
            throw new IllegalArgumentException("business_registration_number is not valid: " + defect.message());
        });
        String number = BusinessRegistrationNumber.parse(input).orElseThrow().digits();
        String name = fields.get(1).strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("business_name must have 1 to 200 characters");
        }
        String category = fields.get(2).strip();
        if (!program.assessment().operatingMargins().containsKey(category)) {
            throw new IllegalArgumentException("category '" + category + "' is not one of the program's");
        }
        String service = fields.get(3).strip();
        if (!program.services().contains(service)) {
            throw new IllegalArgumentException("service '" + service + "' is not covered by the program");
        }
        long dailySales = won(fields.get(4), "daily_sales_krw");
        if (dailySales <= 0) {
            throw new IllegalArgumentException("daily_sales_krw must be positive");
        }
        BaselineStore.PlatformSplit split = null;
        if (fieldCount == 8) {
            split = new BaselineStore.PlatformSplit(won(fields.get(5), "daily_sales_mobile_krw"),
                    won(fields.get(6), "daily_sales_web_krw"), won(fields.get(7), "daily_sales_pc_krw"));
            if (split.mobile() < 0 || split.web() < 0 || split.pc() < 0) {
                throw new IllegalArgumentException("daily sales per platform must not be negative");
            }
            if (split.mobile() + split.web() + split.pc() != dailySales) {
                throw new IllegalArgumentException("daily sales per platform must add up to daily_sales_krw ("
                        + dailySales + ")");
            }
        }
        return new BaselineStore.Baseline(number, service, name, category, dailySales, split);
    }

    private static long won(String field, String column) {
        try {
            return Long.parseLong(field.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a whole number of won");
        }
    }
}
