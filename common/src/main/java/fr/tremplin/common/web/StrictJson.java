package fr.tremplin.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * The one JSON dialect every service reads (the REST bodies, and the events through the same mapper): a document and
 * nothing after it, each key once, no field the record does not know, and every value in its own JSON type: no
 * {@code 1.5} truncated to an integer, no {@code "12"} read as a number, no {@code 2} or {@code "true"} as a boolean,
 * no number or boolean as a string, no number as an enum, and no control character in a string. What it refuses
 * becomes a 400 naming the field ({@code ProblemMappers}). Integers stay accepted for decimal fields ({@code 3} is
 * a valid {@code 3.0}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Also for plain tests and tools that build their own mapper. */
    @SuppressWarnings("deprecation")
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // said again per type, so that a later change of the global default does not bring the coercions back
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("tremplin-strict-strings")
                .addDeserializer(String.class, new CleanStrings()));
        return mapper;
    }

    /** Thrown for a string holding a control character; the mapper adds the field's path. */
    public static final class ControlCharacterException extends InvalidFormatException {
        ControlCharacterException(JsonParser parser) {
            super(parser, ControlCharacters.MESSAGE, null, String.class);
        }
    }

    /** Jackson's own string reading, then the control-character check. */
    static final class CleanStrings extends StdScalarDeserializer<String> {

        CleanStrings() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText()
                    : StringDeserializer.instance.deserialize(parser, context);
            if (value != null && ControlCharacters.refusedInText(value)) {
                throw new ControlCharacterException(parser);
            }
            return value;
        }
    }
}
