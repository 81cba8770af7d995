package fr.tremplin.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void plain_ids_up_to_64_characters_are_kept() {
        assertThat(RequestIdFilter.acceptOrGenerate("abc-DEF_123")).isEqualTo("abc-DEF_123");
        assertThat(RequestIdFilter.acceptOrGenerate("z".repeat(64))).isEqualTo("z".repeat(64));
    }

    @Test
    void anything_else_is_replaced_by_a_uuid() {
        for (String bad : new String[] {null, "", "z".repeat(65), "a b", "a\nb", "a/b", "a.b"}) {
            String id = RequestIdFilter.acceptOrGenerate(bad);
            assertThat(id).isNotEqualTo(bad);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }

    @Test
    void generated_ids_are_version_4_uuids_and_differ() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = RequestIdFilter.randomUuid();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            seen.add(id.toString());
        }
        assertThat(seen).hasSize(10_000);
    }
}
