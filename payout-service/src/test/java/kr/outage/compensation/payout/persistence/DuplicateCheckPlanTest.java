package kr.outage.compensation.payout.persistence;

import io.quarkus.test.junit.QuarkusTest;
import kr.outage.compensation.payout.support.Database;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake's statements are prepared once per connection and may run on a generic plan made while a
 * new program's claims were few. The duplicate check must then still be a unique-index lookup, not
 * a scan over every claim of the program (which made intake three times slower and slower still
 * as claims accumulated).
 */
@QuarkusTest
class DuplicateCheckPlanTest {

    @Test
    void onlyTheUniqueIndexCanAnswerWhichClaimABusinessFiled() {
        // every index on claim that leads with program_id and is not partial could serve the lookup
        var candidates = Database.rowsAfter("""
                select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                where i.indrelid = 'claim'::regclass and a.attname = 'program_id' and i.indpred is null""");
        assertThat(candidates).containsExactly("claim_once_per_business");
    }

    @Test
    void theGenericPlanOfTheDuplicateCheckUsesTheUniqueIndex() {
        Database.clean();
        var plan = Database.rowsAfter(
                "set plan_cache_mode = force_generic_plan",
                "prepare duplicate_check(uuid, char(10), varchar) as select id from claim"
                        + " where program_id = $1 and business_number = $2 and service = $3",
                "explain execute duplicate_check('00000000-0000-0000-0000-000000000001', '1234567891', 'kakaot')");
        assertThat(String.join("\n", plan)).contains("claim_once_per_business").doesNotContain("Seq Scan");
    }
}
