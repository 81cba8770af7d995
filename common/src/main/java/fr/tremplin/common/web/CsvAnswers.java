package fr.tremplin.common.web;

import fr.tremplin.common.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Figures answered as CSV as well as JSON, the same way in every service (offers-service's statistics,
 * applications-service's programme bilan): the client asks for CSV by {@code Accept: text/csv}, chooses {@code ,} or
 * {@code ;} (French spreadsheets) by {@code separator}, and gets RFC 4180: a header row, CRLF line ends, a field
 * quoted only when it holds the separator, a quote or a line break, quotes doubled.
 */
public final class CsvAnswers {

    public static final String MEDIA_TYPE = "text/csv";

    private CsvAnswers() {
    }

    /** The separator asked for: {@code ,} (default, also for a blank value) or {@code ;}; anything else is a 400. */
    public static char separator(String requested) {
        if (requested == null || requested.isBlank() || requested.strip().equals(",")) {
            return ',';
        }
        if (requested.strip().equals(";")) {
            return ';';
        }
        throw ProblemException.invalid("separator", "must be , or ;");
    }

    /** CSV when the client prefers it to JSON (Accept, in order of preference); JSON otherwise. */
    public static boolean preferred(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }

    /** The CSV document as a download named {@code filename}. */
    public static Response attachment(String csv, String filename) {
        return Response.ok(csv, MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=" + filename)
                .build();
    }

    /** Appends one row: the fields (a null is an empty field), then CRLF. */
    public static void line(StringBuilder csv, List<String> fields, char separator) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(separator);
            }
            csv.append(quoted(fields.get(i) == null ? "" : fields.get(i), separator));
        }
        csv.append("\r\n");
    }

    static String quoted(String field, char separator) {
        if (field.indexOf(separator) < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
