package kr.outage.compensation.payout.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Baseline sales per business and service, written in chunks (one statement per chunk) and read per claim. */
@ApplicationScoped
public class BaselineStore {

    /**
     * One business's normal daily sales through one service; {@code split}, when the platform knows
     * it, is how they divide across mobile, web and PC (adding up to {@code dailySales}).
     */
    public record Baseline(String businessNumber, String service, String businessName, String category, long dailySales,
                           PlatformSplit split) {
    }

    /** Daily sales per platform, in whole won. */
    public record PlatformSplit(long mobile, long web, long pc) {

        public long of(String platform) {
            return switch (platform) {
                case "mobile" -> mobile;
                case "web" -> web;
                case "pc" -> pc;
                default -> throw new IllegalArgumentException("no platform " + platform);
            };
        }
    }

    private static final String COLUMNS = "business_number, service, business_name, category, daily_sales, "
            + "daily_sales_mobile, daily_sales_web, daily_sales_pc";

    @Inject
    Pool pool;

    public Uni<Optional<Baseline>> find(UUID programId, String businessNumber, String service) {
        return pool.preparedQuery("select " + COLUMNS + " from business_baseline "
                        + "where program_id = $1 and business_number = $2 and service = $3")
                .execute(Tuple.of(programId, businessNumber, service))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(baseline(rows.iterator().next())));
    }

    /** Inserts or replaces a chunk of rows in one batched statement; a later import of the same business wins. */
    public Uni<Void> upsert(UUID programId, List<Baseline> chunk, Instant importedAt) {
        if (chunk.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = chunk.stream().map(b -> Tuple.from(java.util.Arrays.asList(programId, b.businessNumber(), b.service(),
                b.businessName(), b.category(), b.dailySales(), importedAt.atOffset(ZoneOffset.UTC),
                b.split() == null ? null : b.split().mobile(), b.split() == null ? null : b.split().web(),
                b.split() == null ? null : b.split().pc()))).toList();
        return pool.preparedQuery("""
                        insert into business_baseline (program_id, business_number, service, business_name, category, daily_sales,
                            imported_at, daily_sales_mobile, daily_sales_web, daily_sales_pc)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                        on conflict (program_id, business_number, service) do update set business_name = excluded.business_name,
                            category = excluded.category, daily_sales = excluded.daily_sales, imported_at = excluded.imported_at,
                            daily_sales_mobile = excluded.daily_sales_mobile, daily_sales_web = excluded.daily_sales_web,
                            daily_sales_pc = excluded.daily_sales_pc""")
                .executeBatch(rows).replaceWithVoid();
    }

    /** Businesses the platform knows were affected (they sell through a covered service) that have not claimed, largest first. */
    public Uni<List<Baseline>> unclaimed(UUID programId, int page, int size) {
        return pool.preparedQuery("""
                        select b.business_number, b.service, b.business_name, b.category, b.daily_sales,
                            b.daily_sales_mobile, b.daily_sales_web, b.daily_sales_pc
                        from business_baseline b
                        where b.program_id = $1 and not exists (select 1 from claim c where c.program_id = b.program_id
                            and c.business_number = b.business_number and c.service = b.service)
                        order by b.daily_sales desc, b.business_number, b.service offset $2 limit $3""")
                .execute(Tuple.of(programId, page * size, size))
                .map(rows -> {
                    List<Baseline> result = new java.util.ArrayList<>();
                    rows.forEach(r -> result.add(baseline(r)));
                    return result;
                });
    }

    public Uni<Long> unclaimedCount(UUID programId) {
        return pool.preparedQuery("""
                        select count(*) from business_baseline b where b.program_id = $1 and not exists (select 1 from claim c
                            where c.program_id = b.program_id and c.business_number = b.business_number and c.service = b.service)""")
                .execute(Tuple.of(programId)).map(rows -> rows.iterator().next().getLong(0));
    }

    private static Baseline baseline(Row r) {
        Long mobile = r.getLong("daily_sales_mobile");
        return new Baseline(r.getString("business_number"), r.getString("service"), r.getString("business_name"),
                r.getString("category"), r.getLong("daily_sales"), mobile == null ? null
                : new PlatformSplit(mobile, r.getLong("daily_sales_web"), r.getLong("daily_sales_pc")));
    }
}
