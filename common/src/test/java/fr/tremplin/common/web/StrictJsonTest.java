package fr.tremplin.common.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the mapper of every service accepts and refuses, without Quarkus. */
class StrictJsonTest {

    enum Kind { GENERAL, TECHNICAL }

    record Body(String name, int capacity, Integer version, Boolean remote, BigDecimal ratio, List<String> tags,
                Kind kind, Inner inner) {
    }

    record Inner(String label) {
    }

    private final ObjectMapper mapper = StrictJson.apply(new ObjectMapper());

    private Body read(String json) throws Exception {
        return mapper.readValue(json, Body.class);
    }

    @Test
    void a_well_formed_body_reads_as_before() throws Exception {
        Body body = read("""
                {"name":"Atelier","capacity":3,"version":1,"remote":true,"ratio":2,"tags":["a"],"kind":"GENERAL",
                 "inner":{"label":"x"}}""");
        assertThat(body.capacity()).isEqualTo(3);
        assertThat(body.ratio()).isEqualByComparingTo("2");   // an integer is a valid decimal
        assertThat(body.kind()).isEqualTo(Kind.GENERAL);
    }

    @Test
    void line_breaks_and_tabs_stay_in_free_text() throws Exception {
        assertThat(read("{\"name\":\"line one\\nline two\\r\\n\\tindented\"}").name())
                .isEqualTo("line one\nline two\r\n\tindented");
    }

    @Test
    void trailing_tokens_are_refused() {
        assertThatThrownBy(() -> read("{\"name\":\"a\"} {\"name\":\"b\"}")).isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("Trailing token");
        assertThatThrownBy(() -> read("{\"name\":\"a\"} garbage")).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> mapper.readTree("{\"a\":1} 2")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void a_decimal_is_not_truncated_to_an_integer() {
        assertThatThrownBy(() -> read("{\"capacity\":1.5}")).isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("capacity"));
        assertThatThrownBy(() -> read("{\"version\":2.0}")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void no_scalar_is_coerced_into_another_type() {
        assertThatThrownBy(() -> read("{\"remote\":2}")).isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("remote"));
        assertThatThrownBy(() -> read("{\"remote\":\"true\"}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"capacity\":\"12\"}")).isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("capacity"));
        assertThatThrownBy(() -> read("{\"ratio\":\"1.5\"}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"name\":12}")).isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("name"));
        assertThatThrownBy(() -> read("{\"name\":true}")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("{\"kind\":0}")).isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("kind"));
    }

    @Test
    void a_key_given_twice_is_refused_and_named() {
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"name\":\"b\"}")).isInstanceOf(JsonParseException.class)
                .satisfies(e -> assertThat(((JsonParseException) e).getOriginalMessage())
                        .isEqualTo("Duplicate field 'name'"));
    }

    @Test
    void an_unknown_field_is_refused_and_named() {
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"admin\":true}"))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("admin"));
    }

    @Test
    void control_characters_in_a_string_are_refused_where_they_are() {
        assertThatThrownBy(() -> read("{\"name\":\"a\\u0000b\"}"))
                .isInstanceOf(StrictJson.ControlCharacterException.class)
                .hasMessageContaining("control characters")
                .satisfies(e -> assertThat(path(e)).isEqualTo("name"));
        assertThatThrownBy(() -> read("{\"inner\":{\"label\":\"\\u0007\"}}"))
                .isInstanceOf(StrictJson.ControlCharacterException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("inner.label"));
        assertThatThrownBy(() -> read("{\"tags\":[\"ok\",\"\\u001b[31m\"]}"))
                .isInstanceOf(StrictJson.ControlCharacterException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("tags[1]"));
        assertThatThrownBy(() -> read("{\"name\":\"\\u007f\"}")).isInstanceOf(StrictJson.ControlCharacterException.class);
    }

    @Test
    void parameters_refuse_every_control_character_text_keeps_line_breaks() {
        assertThat(ControlCharacters.refusedInParameter("Lille")).isFalse();
        assertThat(ControlCharacters.refusedInParameter("a\u0000")).isTrue();
        assertThat(ControlCharacters.refusedInParameter("a\nb")).isTrue();
        assertThat(ControlCharacters.refusedInText("a\nb\tc\r")).isFalse();
        assertThat(ControlCharacters.refusedInText("é ü 中 😀")).isFalse();
        assertThat(ControlCharacters.refusedInText("\u0000")).isTrue();
        // a right-to-left override makes "Collège\u202Eeniv" display as another name; C1 controls come from bad decoding
        assertThat(ControlCharacters.refusedInText("Coll\u00e8ge\u202Eeniv")).isTrue();
        assertThat(ControlCharacters.refusedInParameter("a\u2066b")).isTrue();
        assertThat(ControlCharacters.refusedInText("a\u0085b")).isTrue();
        assertThat(ControlCharacters.refusedInText("\u0645\u062f\u0631\u0633\u0629 \u200f")).isFalse(); // Arabic, RLM
    }

    private static String path(Throwable e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : ((JsonMappingException) e).getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
