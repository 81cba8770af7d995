package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.ProgrammeBilanView;
import fr.tremplin.common.web.CsvAnswers;

import java.util.ArrayList;
import java.util.List;

/**
 * A programme's bilan as CSV, written as every CSV answer is (tremplin-common's CsvAnswers): one row per school
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
        CsvAnswers.line(csv, fields, separator);
    }
}
