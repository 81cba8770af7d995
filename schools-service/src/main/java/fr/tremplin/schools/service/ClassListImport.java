package fr.tremplin.schools.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.csv.CsvReader;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.schools.api.ClassListReport;
import fr.tremplin.schools.api.ClassListReport.LineOutcome;
import fr.tremplin.schools.api.ClassListReport.Outcome;
import fr.tremplin.schools.config.SchoolsConfig;
import fr.tremplin.schools.domain.Gender;
import fr.tremplin.schools.domain.PersonName;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.schools.domain.SchoolClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrols a class from the list a school exports (CSV): columns for the first name, last name and optionally the
 * gender, in English or French ({@code firstName}/{@code prénom}, {@code lastName}/{@code nom},
 * {@code gender}/{@code sexe}), separated by commas, semicolons or tabs, in UTF-8 or Windows-1252 (spreadsheet
 * exports). Each line is created, recognised as a pupil already in the class (uploading twice creates nothing),
 * or rejected with its reason; the report names no one.
 */
@ApplicationScoped
public class ClassListImport {

    private static final List<String> FIRST_NAME = List.of("firstname", "prenom", "prenoms");
    private static final List<String> LAST_NAME = List.of("lastname", "nom", "nomdefamille", "nomdusage", "nomfamille");
    private static final List<String> GENDER = List.of("gender", "sexe", "genre");

    private final PupilService pupils;
    private final SchoolsConfig config;
    private final AuditTrail audit;

    public ClassListImport(PupilService pupils, SchoolsConfig config, AuditTrail audit) {
        this.pupils = pupils;
        this.config = config;
        this.audit = audit;
    }

    @Transactional
    public ClassListReport importList(Caller caller, UUID classId, byte[] body) {
        SchoolClass schoolClass = pupils.managedClass(caller, classId);
        PupilService.lockForEnrolment(schoolClass);
        String text = decode(body == null ? new byte[0] : body);
        if (text.isBlank()) {
            throw ProblemException.badRequest("the class list is empty");
        }
        List<CsvReader.Row> rows = rows(text);
        if (rows.size() > config.classListMaxRows()) {
            throw new ProblemException(413, "Payload too large", "a class list holds at most "
                    + config.classListMaxRows() + " pupils; this one has " + rows.size(), null);
        }
        Columns columns = columns(rows.isEmpty() ? Map.of() : rows.get(0).values());
        List<LineOutcome> lines = new ArrayList<>();
        int created = 0;
        int duplicates = 0;
        for (CsvReader.Row row : rows) {
            Optional<String> firstName = PersonName.clean(row.get(columns.firstName()));
            Optional<String> lastName = PersonName.clean(row.get(columns.lastName()));
            String rawGender = columns.gender() == null ? null : row.get(columns.gender());
            Optional<Gender> gender = Gender.parse(rawGender);
            String reason = firstName.isEmpty() ? "the first name is missing or is not a name"
                    : lastName.isEmpty() ? "the last name is missing or is not a name"
                    : rawGender != null && !rawGender.isBlank() && gender.isEmpty() ? "the gender must be F, M or X"
                    : null;
            if (reason != null) {
                lines.add(new LineOutcome(row.line(), Outcome.REJECTED, null, reason));
                continue;
            }
            Pupil namesake = pupils.namesake(classId, firstName.get(), lastName.get());
            if (namesake != null) {
                lines.add(new LineOutcome(row.line(), Outcome.DUPLICATE, namesake.id, "already in the class"));
                duplicates++;
                continue;
            }
            Pupil pupil = pupils.enrol(caller, schoolClass, firstName.get(), lastName.get(), gender.orElse(null));
            lines.add(new LineOutcome(row.line(), Outcome.CREATED, pupil.id, null));
            created++;
        }
        int rejected = lines.size() - created - duplicates;
        audit.record(caller, "class-list.imported", "class", classId,
                created + " created, " + duplicates + " duplicates, " + rejected + " rejected");
        return new ClassListReport(classId, created, duplicates, rejected, lines);
    }

    private record Columns(String firstName, String lastName, String gender) {
    }

    private static Columns columns(Map<String, String> header) {
        String first = null;
        String last = null;
        String gender = null;
        for (String column : header.keySet()) {
            String key = Normalizer.normalize(column, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (FIRST_NAME.contains(key)) {
                first = column;
            } else if (LAST_NAME.contains(key)) {
                last = column;
            } else if (GENDER.contains(key)) {
                gender = column;
            }
        }
        if (first == null || last == null) {
            throw ProblemException.unprocessable("header", "the first line must name the columns: firstName (or "
                    + "prénom), lastName (or nom) and optionally gender (or sexe)");
        }
        return new Columns(first, last, gender);
    }

    private static List<CsvReader.Row> rows(String text) {
        String header = text.lines().findFirst().orElse("");
        char separator = mostFrequent(header);
        try {
            return CsvReader.read(new StringReader(text), separator);
        } catch (IOException e) {
            throw ProblemException.badRequest("the class list cannot be read");
        }
    }

    private static char mostFrequent(String header) {
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /** UTF-8 (with or without BOM), else Windows-1252 as spreadsheet software still writes. */
    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, Charset.forName("windows-1252"));
        }
    }
}
