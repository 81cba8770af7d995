package fr.tremplin.common.web;

import jakarta.ws.rs.core.EntityTag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalGetsTest {

    @Test
    void an_etag_is_the_version_then_a_digest_of_what_the_version_misses() {
        assertThat(Versions.etag(3).getValue()).isEqualTo("3");
        assertThat(Versions.etag(3).isWeak()).isFalse();
        EntityTag seats = Versions.etag(3, List.of("2027-W05=2"));
        assertThat(seats.getValue()).matches("3\\.[0-9a-f]{1,8}");
        assertThat(Versions.etag(3, List.of("2027-W05=2"))).isEqualTo(seats);
        assertThat(Versions.etag(3, List.of("2027-W05=1"))).isNotEqualTo(seats);
        // If-Match takes the whole tag back and reads its version
        assertThat(Versions.ifMatch("\"" + seats.getValue() + "\"")).isEqualTo(3);
    }

    @Test
    void if_none_match_names_one_tag_a_list_or_anything_and_compares_weakly() {
        EntityTag tag = Versions.etag(4);
        assertThat(ConditionalGets.matches("\"4\"", tag)).isTrue();
        assertThat(ConditionalGets.matches("W/\"4\"", tag)).isTrue();
        assertThat(ConditionalGets.matches("\"1\", W/\"4\"", tag)).isTrue();
        assertThat(ConditionalGets.matches("*", tag)).isTrue();
        assertThat(ConditionalGets.matches("\"3\"", tag)).isFalse();
        assertThat(ConditionalGets.matches("\"4.1a\"", tag)).isFalse();
        assertThat(ConditionalGets.matches("4", tag)).isFalse();
        assertThat(ConditionalGets.matches(null, tag)).isFalse();
        assertThat(ConditionalGets.matches(" ", tag)).isFalse();
    }

    @Test
    void a_match_is_a_304_with_the_tag_and_no_body_otherwise_a_200() {
        EntityTag tag = Versions.etag(2);
        var notModified = ConditionalGets.answer("\"2\"", "body", tag);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getEntity()).isNull();
        assertThat(notModified.getEntityTag()).isEqualTo(tag);
        var ok = ConditionalGets.answer("\"1\"", "body", tag);
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getEntity()).isEqualTo("body");
        assertThat(ok.getEntityTag()).isEqualTo(tag);
    }
}
