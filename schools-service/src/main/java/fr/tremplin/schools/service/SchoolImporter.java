package fr.tremplin.schools.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.schools.api.ImportReport;
import fr.tremplin.schools.domain.Academy;
import fr.tremplin.schools.domain.Bassin;
import fr.tremplin.schools.domain.Department;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.schools.domain.Priority;
import fr.tremplin.schools.domain.School;
import fr.tremplin.schools.events.SchoolEvents;
import fr.tremplin.schools.service.OpenDataFiles.GeoRow;
import fr.tremplin.schools.service.OpenDataFiles.Parsed;
import fr.tremplin.schools.service.OpenDataFiles.RepRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the collèges of the open data, idempotently: {@code rep-colleges-2022.csv} gives the REP / REP+ network
 * (académie, département, priority), {@code colleges-geo.csv} the nicer name, zipcode and coordinates, joined on
 * the UAI. A collège only in the geolocation file is loaded with priority NONE. A new school emits
 * {@code school.registered}, a changed one {@code school.updated}, an unchanged one nothing; the bassin, weeks and
 * 3e count, which the files do not know, are never touched. A school absent from both files is left as it is.
 */
@ApplicationScoped
public class SchoolImporter {

    private static final Logger LOG = Logger.getLogger(SchoolImporter.class);

    private final Path dataDir;
    private final SchoolEvents events;
    private final AuditTrail audit;

    /** The open-data folder: the repository's {@code data/} unless {@code TREMPLIN_DATA_DIR} names another. */
    public SchoolImporter(@ConfigProperty(name = "tremplin.data-dir") Path dataDir, SchoolEvents events,
                          AuditTrail audit) {
        this.dataDir = dataDir;
        this.events = events;
        this.audit = audit;
    }

    /** Imports the two files of the data folder. */
    @Transactional
    public ImportReport importDataDir(Caller caller, boolean defaultBassins) {
        Path rep = dataDir.resolve(OpenDataFiles.REP_FILE);
        Path geo = dataDir.resolve(OpenDataFiles.GEO_FILE);
        if (!Files.isReadable(rep) || !Files.isReadable(geo)) {
            throw new ProblemException(503, "Open data unavailable", "the data folder has no readable "
                    + OpenDataFiles.REP_FILE + " and " + OpenDataFiles.GEO_FILE, null);
        }
        try (Reader repReader = Files.newBufferedReader(rep, StandardCharsets.UTF_8);
             Reader geoReader = Files.newBufferedReader(geo, StandardCharsets.UTF_8)) {
            return importFiles(caller, "data-dir", repReader, geoReader, defaultBassins);
        } catch (IOException e) {
            throw new ProblemException(503, "Open data unavailable", "the open data could not be read", null);
        }
    }

    /** Imports an uploaded pair of files (same formats). */
    @Transactional
    public ImportReport importFiles(Caller caller, String source, Reader repFile, Reader geoFile,
                                    boolean defaultBassins) {
        Map<String, Department> departments = Department.<Department>listAll().stream()
                .collect(Collectors.toMap(d -> d.code, Function.identity()));
        Set<String> academies = Academy.<Academy>listAll().stream().map(a -> a.code)
                .collect(Collectors.toSet());
        Parsed parsed = OpenDataFiles.read(repFile, geoFile, academies, departments);
        List<ImportReport.Line> warnings = new ArrayList<>(parsed.warnings());
        Map<String, School> existing = School.<School>listAll().stream()
                .collect(Collectors.toMap(s -> s.uai, Function.identity()));

        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> withoutCoordinates = new ArrayList<>();
        TreeSet<String> uais = new TreeSet<>(parsed.rep().keySet());
        uais.addAll(parsed.geo().keySet());
        Instant now = Instant.now();
        for (String uai : uais) {
            RepRow rep = parsed.rep().get(uai);
            GeoRow geo = parsed.geo().get(uai);
            School.Identity identity = identity(uai, rep, geo, departments);
            if (geo != null && !sameName(geo.departmentName(), departments.get(identity.departmentCode()).name)) {
                warnings.add(new ImportReport.Line(OpenDataFiles.GEO_FILE, geo.line(), "département '"
                        + geo.departmentName() + "' disagrees with the school's (" + identity.departmentCode()
                        + (rep == null ? ", from its UAI" : ", from " + OpenDataFiles.REP_FILE) + "); kept the latter"));
            }
            if (rep != null && identity.latitude() == null) {
                withoutCoordinates.add(uai);
            }
            School school = existing.get(uai);
            if (school == null) {
                school = new School();
                school.uai = uai;
                school.createdAt = now;
                school.updatedAt = now;
                school.describe(identity);
                school.persist();
                events.emit(SchoolEvents.REGISTERED, school);
                created++;
            } else if (school.describe(identity)) {
                school.updatedAt = now;
                events.emit(SchoolEvents.UPDATED, school);
                updated++;
            } else {
                unchanged++;
            }
        }
        List<String> bassinsCreated = defaultBassins ? defaultBassins(departments, now) : List.of();
        String summary = String.format("%s: %d created, %d updated, %d unchanged, %d rejected rows", source, created,
                updated, unchanged, parsed.rejected().size());
        audit.record(caller, "schools.imported", "school-import", source, summary);
        LOG.infof("school import %s", summary);
        return new ImportReport(source, parsed.repRows(), parsed.geoRows(), created, updated, unchanged,
                withoutCoordinates, parsed.rejected(), warnings, bassinsCreated);
    }

    private static School.Identity identity(String uai, RepRow rep, GeoRow geo, Map<String, Department> departments) {
        // a row only in the geolocation file was kept because its UAI names a known département
        String department = rep != null ? rep.departmentCode() : DepartmentCode.ofUai(uai).orElseThrow();
        String academy = rep != null ? rep.academyCode() : departments.get(department).academyCode;
        String name = geo != null ? OpenDataNames.capitaliseFirst(geo.name()) : OpenDataNames.titleCase(rep.name());
        String city = geo != null ? geo.city() : OpenDataNames.titleCase(rep.city());
        Priority priority = rep != null ? rep.priority() : Priority.NONE;
        return new School.Identity(name, city, geo == null ? null : geo.zipcode(), department, academy, priority,
                geo == null ? null : geo.latitude(), geo == null ? null : geo.longitude());
    }

    private static boolean sameName(String a, String b) {
        return School.searchKey(a).replaceAll("[^a-z]", "").equals(School.searchKey(b).replaceAll("[^a-z]", ""));
    }

    /**
     * One pôle de stages per département ({@code dep-59}, "Pôle de stages Nord") for the schools that have no
     * bassin yet: a starting point for a new deployment, which admins then split as the académies decide.
     */
    private List<String> defaultBassins(Map<String, Department> departments, Instant now) {
        List<String> createdIds = new ArrayList<>();
        List<School> loose = School.list("bassinId is null");
        for (School school : loose) {
            Department department = departments.get(school.departmentCode);
            if (!department.academyCode.equals(school.academyCode)) {
                continue; // a school filed under another académie than its département's: left for an admin
            }
            String id = "dep-" + department.code.toLowerCase(Locale.ROOT);
            if (Bassin.findById(id) == null) {
                Bassin bassin = new Bassin();
                bassin.id = id;
                bassin.name = "Pôle de stages " + department.name;
                bassin.academyCode = department.academyCode;
                bassin.departmentCode = department.code;
                bassin.createdAt = now;
                bassin.updatedAt = now;
                bassin.persistAndFlush();
                createdIds.add(id);
            }
            school.bassinId = id;
            school.updatedAt = now;
            events.emit(SchoolEvents.UPDATED, school);
        }
        return createdIds;
    }
}
