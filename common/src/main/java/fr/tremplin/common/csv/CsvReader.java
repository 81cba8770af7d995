package fr.tremplin.common.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV with a header line, as the open-data files and the schools' class lists come: quoted fields may
 * hold commas, doubled quotes and line breaks. Each row keeps its line number for per-line reports.
 */
public final class CsvReader {

    public record Row(int line, Map<String, String> values) {
        public String get(String column) {
            String value = values.get(column);
            return value == null ? null : value.strip();
        }
    }

    private CsvReader() {
    }

    public static List<Row> read(Reader source) throws IOException {
        return read(source, ',');
    }

    /** Reads every row; a row with a wrong number of fields is kept with what it has (the caller reports it). */
    public static List<Row> read(Reader source, char separator) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        int line = 0;
        List<String> fields;
        int[] consumed = new int[1];
        while ((fields = record(reader, separator, consumed)) != null) {
            int startLine = line + 1;
            line += consumed[0];
            if (header == null) {
                header = fields.stream().map(f -> f.strip().replace("\uFEFF", "")).toList();
                continue;
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < fields.size(); i++) {
                values.put(header.get(i), fields.get(i));
            }
            if (fields.size() != header.size()) {
                values.put("__fields", String.valueOf(fields.size()));
            }
            rows.add(new Row(startLine, values));
        }
        return rows;
    }

    private static List<String> record(BufferedReader reader, char separator, int[] consumed) throws IOException {
        String text = reader.readLine();
        if (text == null) {
            return null;
        }
        consumed[0] = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i >= text.length()) {
                if (quoted) {
                    String next = reader.readLine();
                    if (next == null) {
                        break;
                    }
                    consumed[0]++;
                    field.append('\n');
                    text = next;
                    i = 0;
                    continue;
                }
                break;
            }
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
            i++;
        }
        fields.add(field.toString());
        return fields;
    }
}
