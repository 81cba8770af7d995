package fr.tremplin.schools.service;

import fr.tremplin.common.csv.CsvReader;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.schools.api.ImportReport.Line;
import fr.tremplin.schools.domain.Academy;
import fr.tremplin.schools.domain.Department;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.schools.domain.Priority;
import fr.tremplin.schools.domain.Uai;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code rep-colleges-2022.csv} (the priority-education collèges) and {@code colleges-geo.csv} (collèges
 * with zipcode and coordinates) as they are published, quirks included: every row that cannot be used is
 * reported with its file, line and reason, and the rest is kept.
 */
final class OpenDataFiles {

    static final String REP_FILE = "rep-colleges-2022.csv";
    static final String GEO_FILE = "colleges-geo.csv";
    private static final List<String> REP_COLUMNS = List.of("academy", "department_code", "department", "city", "uai",
            "name", "priority");
    private static final List<String> GEO_COLUMNS = List.of("uai", "name", "city", "zipcode", "department", "latitude",
            "longitude");

    record RepRow(int line, String uai, String academyCode, String departmentCode, String city, String name,
                  Priority priority) {
    }

    record GeoRow(int line, String uai, String name, String city, String zipcode, String departmentName,
                  Double latitude, Double longitude) {
    }

    record Parsed(Map<String, RepRow> rep, Map<String, GeoRow> geo, int repRows, int geoRows, List<Line> rejected,
                  List<Line> warnings) {
    }

    private final Set<String> academies;
    private final Map<String, Department> departments;
    private final List<Line> rejected = new ArrayList<>();
    private final List<Line> warnings = new ArrayList<>();

    private OpenDataFiles(Set<String> academies, Map<String, Department> departments) {
        this.academies = academies;
        this.departments = departments;
    }

    static Parsed read(Reader repFile, Reader geoFile, Set<String> academies, Map<String, Department> departments) {
        OpenDataFiles files = new OpenDataFiles(academies, departments);
        List<CsvReader.Row> repRows = rows(repFile, REP_FILE, REP_COLUMNS);
        List<CsvReader.Row> geoRows = rows(geoFile, GEO_FILE, GEO_COLUMNS);
        Map<String, RepRow> rep = files.repRows(repRows);
        Map<String, GeoRow> geo = files.geoRows(geoRows);
        return new Parsed(rep, geo, repRows.size(), geoRows.size(), files.rejected, files.warnings);
    }

    private static List<CsvReader.Row> rows(Reader reader, String file, List<String> columns) {
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(reader);
        } catch (IOException e) {
            throw ProblemException.badRequest(file + " cannot be read: " + e.getMessage());
        }
        if (!rows.isEmpty()) {
            for (String column : columns) {
                if (!rows.get(0).values().containsKey(column)) {
                    throw ProblemException.unprocessable(file, "has no column '" + column + "' (expected "
                            + String.join(",", columns) + ")");
                }
            }
        }
        return rows;
    }

    private Map<String, RepRow> repRows(List<CsvReader.Row> rows) {
        Map<String, RepRow> byUai = new LinkedHashMap<>();
        for (CsvReader.Row row : rows) {
            if (wrongShape(REP_FILE, row, REP_COLUMNS.size())) {
                continue;
            }
            String uai = row.get("uai");
            if (!Uai.isValid(uai)) {
                reject(REP_FILE, row, "malformed UAI '" + uai + "'");
                continue;
            }
            String department = DepartmentCode.normalise(row.get("department_code")).orElse(null);
            if (department == null || !departments.containsKey(department)) {
                reject(REP_FILE, row, "unknown département code '" + row.get("department_code") + "'");
                continue;
            }
            String academy = Academy.codeOf(row.get("academy"));
            if (!academies.contains(academy)) {
                reject(REP_FILE, row, "unknown académie '" + row.get("academy") + "'");
                continue;
            }
            Priority priority = Priority.parse(row.get("priority")).filter(p -> p != Priority.NONE).orElse(null);
            if (priority == null) {
                reject(REP_FILE, row, "priority must be REP or REP+, not '" + row.get("priority") + "'");
                continue;
            }
            if (row.get("name").isEmpty() || row.get("city").isEmpty()) {
                reject(REP_FILE, row, "no name or no city");
                continue;
            }
            if (byUai.containsKey(uai)) {
                reject(REP_FILE, row, "UAI " + uai + " already given at line " + byUai.get(uai).line());
                continue;
            }
            if (!departments.get(department).academyCode.equals(academy)) {
                warn(REP_FILE, row, "département " + department + " belongs to another académie than "
                        + row.get("academy") + "; kept the file's académie");
            }
            byUai.put(uai, new RepRow(row.line(), uai, academy, department, row.get("city"), row.get("name"), priority));
        }
        return byUai;
    }

    private Map<String, GeoRow> geoRows(List<CsvReader.Row> rows) {
        Map<String, GeoRow> byUai = new LinkedHashMap<>();
        for (CsvReader.Row row : rows) {
            if (wrongShape(GEO_FILE, row, GEO_COLUMNS.size())) {
                continue;
            }
            String uai = row.get("uai");
            if (!Uai.isValid(uai)) {
                reject(GEO_FILE, row, "malformed UAI '" + uai + "'");
                continue;
            }
            if (DepartmentCode.ofUai(uai).filter(departments::containsKey).isEmpty()) {
                reject(GEO_FILE, row, "UAI " + uai + " names no known département");
                continue;
            }
            if (row.get("name").isEmpty() || row.get("city").isEmpty()) {
                reject(GEO_FILE, row, "no name or no city");
                continue;
            }
            if (byUai.containsKey(uai)) {
                reject(GEO_FILE, row, "UAI " + uai + " already given at line " + byUai.get(uai).line());
                continue;
            }
            String zipcode = row.get("zipcode");
            if (!zipcode.matches("^[0-9]{5}$")) {
                warn(GEO_FILE, row, "zipcode '" + zipcode + "' is not 5 digits; loaded without zipcode");
                zipcode = null;
            }
            Double latitude = coordinate(row.get("latitude"), 90);
            Double longitude = coordinate(row.get("longitude"), 180);
            if (latitude == null || longitude == null) {
                warn(GEO_FILE, row, "coordinates '" + row.get("latitude") + "," + row.get("longitude")
                        + "' unusable; loaded without coordinates");
                latitude = null;
                longitude = null;
            }
            byUai.put(uai, new GeoRow(row.line(), uai, row.get("name"), row.get("city"), zipcode,
                    departmentName(row.get("department")), latitude, longitude));
        }
        return byUai;
    }

    /** "Nord (département français)|Nord": the name after the last bar. */
    private static String departmentName(String raw) {
        int bar = raw.lastIndexOf('|');
        return bar < 0 ? raw : raw.substring(bar + 1).strip();
    }

    private static Double coordinate(String raw, double bound) {
        try {
            double value = Double.parseDouble(raw);
            return Double.isFinite(value) && Math.abs(value) <= bound ? value : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private boolean wrongShape(String file, CsvReader.Row row, int expected) {
        String fields = row.values().get("__fields");
        if (fields != null) {
            reject(file, row, fields + " fields instead of " + expected);
            return true;
        }
        return false;
    }

    private void reject(String file, CsvReader.Row row, String reason) {
        rejected.add(new Line(file, row.line(), reason));
    }

    void warn(String file, CsvReader.Row row, String reason) {
        warnings.add(new Line(file, row.line(), reason));
    }
}
