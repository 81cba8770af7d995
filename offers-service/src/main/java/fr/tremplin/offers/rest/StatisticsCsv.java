package fr.tremplin.offers.rest;

import fr.tremplin.common.web.CsvAnswers;

import fr.tremplin.offers.api.Statistics;
import fr.tremplin.offers.api.StatisticsRow;
import fr.tremplin.offers.api.StatisticsRow.ByPriority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics rows as CSV (RFC 4180: a header row, CRLF line ends, a field quoted when it holds the separator, a
 * quote or a line break, quotes doubled). The JSON splits by priority become flat columns ({@code candidaciesRepPlus},
 * {@code candidaciesRep}, {@code candidaciesNone}); a null is an empty field. With {@code ;} as separator, decimals are
 * written with a comma, as French spreadsheets read them.
 */
final class StatisticsCsv {

    private static final String[] MEASURES = {"candidacies", "pupilsWithCandidacy", "confirmed", "completed"};
    private static final String[] PRIORITIES = {"RepPlus", "Rep", "None"};

    private StatisticsCsv() {
    }

    static String write(Statistics statistics, char separator) {
        boolean month = "month".equals(statistics.groupBy());
        StringBuilder csv = new StringBuilder();
        line(csv, header(month), separator);
        for (StatisticsRow row : statistics.rows()) {
            line(csv, values(row, month, separator), separator);
        }
        return csv.toString();
    }

    private static List<String> header(boolean month) {
        List<String> header = new ArrayList<>(List.of("key", "label", "offersDeposited", "seatsDeposited", "seatsOpen"));
        for (String measure : MEASURES) {
            header.add(measure);
            for (String priority : PRIORITIES) {
                header.add(measure + priority);
            }
        }
        header.addAll(List.of("depositedTarget", "completedTarget", "depositedRatio", "completedRatio"));
        if (month) {
            header.addAll(List.of("offersDepositedCumulative", "seatsDepositedCumulative"));
            for (String measure : MEASURES) {
                header.add(measure + "Cumulative");
                for (String priority : PRIORITIES) {
                    header.add(measure + priority + "Cumulative");
                }
            }
        }
        return header;
    }

    private static List<String> values(StatisticsRow r, boolean month, char separator) {
        List<String> values = new ArrayList<>();
        add(values, r.key(), r.label(), r.offersDeposited(), r.seatsDeposited(), r.seatsOpen());
        split(values, r.candidacies(), r.candidaciesByPriority());
        split(values, r.pupilsWithCandidacy(), r.pupilsWithCandidacyByPriority());
        split(values, r.confirmed(), r.confirmedByPriority());
        split(values, r.completed(), r.completedByPriority());
        add(values, r.depositedTarget(), r.completedTarget(), decimal(r.depositedRatio(), separator),
                decimal(r.completedRatio(), separator));
        if (month) {
            add(values, r.offersDepositedCumulative(), r.seatsDepositedCumulative());
            split(values, r.candidaciesCumulative(), r.candidaciesByPriorityCumulative());
            split(values, r.pupilsWithCandidacyCumulative(), r.pupilsWithCandidacyByPriorityCumulative());
            split(values, r.confirmedCumulative(), r.confirmedByPriorityCumulative());
            split(values, r.completedCumulative(), r.completedByPriorityCumulative());
        }
        return values;
    }

    private static void split(List<String> values, Long total, ByPriority split) {
        add(values, total, split == null ? null : split.repPlus(), split == null ? null : split.rep(),
                split == null ? null : split.none());
    }

    private static void add(List<String> values, Object... fields) {
        for (Object field : fields) {
            values.add(field == null ? "" : field.toString());
        }
    }

    private static String decimal(Double value, char separator) {
        if (value == null) {
            return null;
        }
        String text = BigDecimal.valueOf(value).toPlainString();
        return separator == ';' ? text.replace('.', ',') : text;
    }

    private static void line(StringBuilder csv, List<String> fields, char separator) {
        CsvAnswers.line(csv, fields, separator);
    }
}
