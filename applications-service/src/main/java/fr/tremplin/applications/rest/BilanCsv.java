package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.ProgrammeBilanView;

import java.util.ArrayList;
import java.util.List;

/**
 * A programme's bilan as CSV, in the house's style (offers-service's StatisticsCsv: RFC 4180, a header row, CRLF line
 * ends, a field quoted when it holds the separator, a quote or a line break, quotes doubled): one row per school
 * ({@code line} = school), then one per priority ({@code line} = priority, no UAI), then the total ({@code line} =
 * total, priority ALL). The programme-wide figures (groups, mix, tutors, completion rates) are in the JSON answer.
 */
final class BilanCsv {

    static final List<String> HEADER = List.of("line", "uai", "priority", "schools", "seatsAllocated", "nominated",
            "acceptedOrLater", "completed");

    private BilanCsv() {
    }

    static String write(ProgrammeBilanView bilan, char separator) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER, separator);
        for (ProgrammeBilanView.SchoolLine school : bilan.schools()) {
            line(csv, fields("school", school.uai(), school.priority(), 1, school.seatsAllocated(), school.nominated(),
                    school.acceptedOrLater(), school.completed()), separator);
        }
        for (ProgrammeBilanView.PriorityLine priority : bilan.priorities()) {
            line(csv, priority("priority", priority), separator);
        }
        line(csv, priority("total", bilan.total()), separator);
        return csv.toString();
    }

    private static List<String> priority(String kind, ProgrammeBilanView.PriorityLine line) {
        return fields(kind, null, line.priority(), line.schools(), line.seatsAllocated(), line.nominated(),
                line.acceptedOrLater(), line.completed());
    }

    private static List<String> fields(Object... values) {
        List<String> fields = new ArrayList<>();
        for (Object value : values) {
            fields.add(value == null ? "" : value.toString());
        }
        return fields;
    }

    private static void line(StringBuilder csv, List<String> fields, char separator) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(separator);
            }
            String field = fields.get(i);
            boolean quote = field.indexOf(separator) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0;
            csv.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        csv.append("\r\n");
    }
}
