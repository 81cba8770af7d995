package fr.tremplin.common.territory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TerritoryIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"face-nord", "lille-roubaix", "dep-59", "dep-2a", "lille-0590001a", "ab", "a1", "59",
            "not-a-uuid", "nullable", "null-island", "relais-strict"})
    void slugs_of_words_joined_by_single_hyphens_are_ids(String id) {
        assertThat(TerritoryId.isValid(id)).isTrue();
        assertThat(id).matches(TerritoryId.PATTERN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "-", "null", "NULL", "Null", "undefined", "none", "nil", "nan", "true", "false",
            "Face-Nord", "face nord", " face-nord", "face-nord ", "face_nord", "face.nord", "face/nord", "-face",
            "face-", "face--nord", "fâce-nord", "face\u0000nord", "face\nnord", "face\tnord", "%00", "{id}",
            "550e8400-e29b-41d4-a716-446655440000!"})
    void anything_else_is_refused(String id) {
        assertThat(TerritoryId.isValid(id)).as(id).isFalse();
    }

    @Test
    void sixty_three_characters_at_most() {
        assertThat(TerritoryId.isValid("a".repeat(63))).isTrue();
        assertThat(TerritoryId.isValid("a".repeat(64))).isFalse();
        assertThat(TerritoryId.isValid("ab-".repeat(20) + "abc")).isTrue();     // 63
        assertThat(TerritoryId.isValid(null)).isFalse();
    }
}
