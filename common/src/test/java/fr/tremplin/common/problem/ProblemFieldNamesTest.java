package fr.tremplin.common.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The field a validation problem names is the one the caller sent, not a Java path. */
class ProblemFieldNamesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Week(@NotNull String week, @Min(1) int capacity) {
    }

    record OfferBody(@NotBlank String title, @Valid List<Week> weeks, List<@Size(max = 3) String> tags) {
    }

    static class Resource {
        public void create(@Valid @NotNull OfferBody body) {
        }

        public void search(@Size(max = 5) String q) {
        }
    }

    private static List<String> fields(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> ProblemMappers.field(v.getPropertyPath())).sorted().toList();
    }

    private static List<String> parameterFields(String name, Class<?> type, Object argument) throws Exception {
        Method method = Resource.class.getMethod(name, type);
        return fields(VALIDATOR.forExecutables().validateParameters(new Resource(), method, new Object[]{argument}));
    }

    @Test
    void a_body_property_is_named_without_the_method_or_the_parameter() throws Exception {
        assertThat(parameterFields("create", OfferBody.class, new OfferBody(" ", List.of(), List.of())))
                .containsExactly("title");
    }

    @Test
    void a_list_element_is_named_with_its_index() throws Exception {
        OfferBody body = new OfferBody("t", List.of(new Week("2027-W05", 1), new Week(null, 0)), List.of("ok", "long"));
        assertThat(parameterFields("create", OfferBody.class, body))
                .containsExactly("tags[1]", "weeks[1].capacity", "weeks[1].week");
    }

    @Test
    void a_query_parameter_is_named_as_the_parameter() throws Exception {
        assertThat(parameterFields("search", String.class, "too long")).containsExactly("q");
    }
}
