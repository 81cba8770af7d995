package fr.tremplin.offers.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;

/**
 * A target as an admin types it: internships to be deposited (seats offered) and completed. They are two targets,
 * not a ratio: {@code completed} may exceed {@code deposited}. {@code version}: the version edited, when no
 * {@code If-Match} is sent (none is needed to create).
 */
public record QuotaRequest(
        @NotNull @Min(value = 0, message = "must be a whole number, 0 or more")
        @JsonDeserialize(using = WholeNumber.class)
        @Schema(type = SchemaType.INTEGER, minimum = "0", examples = "2500") Integer deposited,
        @NotNull @Min(value = 0, message = "must be a whole number, 0 or more")
        @JsonDeserialize(using = WholeNumber.class)
        @Schema(type = SchemaType.INTEGER, minimum = "0", examples = "1300") Integer completed,
        Integer version) {

    /**
     * Jackson turns {@code 1.5} into 1 by default: a target is a count, so anything but a JSON integer that fits an
     * {@code int} is refused (400 naming the field) rather than rounded.
     */
    public static final class WholeNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() == JsonParser.NumberType.INT) {
                return parser.getIntValue();
            }
            throw InvalidFormatException.from(parser, "must be a whole number", parser.getText(), Integer.class);
        }
    }
}
