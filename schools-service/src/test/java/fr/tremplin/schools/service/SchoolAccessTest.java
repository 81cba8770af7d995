package fr.tremplin.schools.service;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.schools.domain.Bassin;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.schools.domain.School;
import fr.tremplin.schools.domain.SchoolClass;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The who-sees-what matrix of {@link SchoolAccess}, row by row, on plain objects: no database, no HTTP (the
 * *ScopeTest classes check the same through the API). A main teacher's classes are given as they would be read.
 */
class SchoolAccessTest {

    private static final String S = "0590001A";
    private static final String OTHER = "0620002B";

    private final School school = school(S, "59", "lille", "lille-roubaix");
    private final School otherSchool = school(OTHER, "62", "lille", null);
    private final SchoolClass ledClass = schoolClass(S);
    private final SchoolClass otherClass = schoolClass(S);
    private final Pupil pupilOfLedClass = pupil(ledClass);
    private final Pupil pupilOfOtherClass = pupil(otherClass);

    @Test
    void anAdminManagesAndSeesEverything() {
        SchoolAccess admin = access(Roles.ADMIN, Map.of());
        assertThat(admin.canManageSchool(OTHER)).isTrue();
        assertThat(admin.canManagePupilsOf(otherClass)).isTrue();
        assertThat(admin.canErase(pupilOfOtherClass)).isTrue();
        assertThat(admin.covers(otherSchool)).isTrue();
        assertThat(admin.covers(bassin("anywhere", "lyon", "69"))).isTrue();
        assertThat(admin.canReadFiguresOf(otherSchool)).isTrue();
    }

    @Test
    void aPrincipalManagesTheirSchoolAndEveryPupilOfItOnly() {
        SchoolAccess principal = access(Roles.PRINCIPAL, Map.of("school", S));
        assertThat(principal.canManageSchool(S)).isTrue();
        assertThat(principal.canManageSchool(OTHER)).isFalse();
        assertThat(principal.canReadAllPupilsOf(S)).isTrue();
        assertThat(principal.canManagePupilsOf(otherClass)).isTrue();
        assertThat(principal.canErase(pupilOfOtherClass)).isTrue();
        assertThat(principal.canReadFiguresOf(school)).isTrue();
        assertThat(principal.canReadFiguresOf(otherSchool)).isFalse();
        assertThat(principal.covers(school)).isFalse();
    }

    @Test
    void aMainTeacherReadsTheSchoolAndReadsAndChangesThePupilsOfTheClassesTheyLead() {
        SchoolAccess mainTeacher = new SchoolAccess(caller(Roles.MAIN_TEACHER, Map.of("school", S)),
                Set.of(ledClass.id));
        assertThat(mainTeacher.canReadSchoolOrganisation(S)).isTrue();
        assertThat(mainTeacher.canManageSchool(S)).isFalse();
        assertThat(mainTeacher.canReadAllPupilsOf(S)).isFalse();
        assertThat(mainTeacher.readsOnlyLedClassesOf(S)).isTrue();
        assertThat(mainTeacher.canRead(pupilOfLedClass, ledClass)).isTrue();
        assertThat(mainTeacher.canManagePupilsOf(ledClass)).isTrue();
        assertThat(mainTeacher.canRead(pupilOfOtherClass, otherClass)).isFalse();
        assertThat(mainTeacher.canErase(pupilOfLedClass)).isFalse();
        assertThat(mainTeacher.canReadFiguresOf(school)).isTrue();
    }

    @Test
    void aMainTeachersClassesNeverReachAnotherSchool() {
        SchoolClass elsewhere = schoolClass(OTHER);
        SchoolAccess mainTeacher = new SchoolAccess(caller(Roles.MAIN_TEACHER, Map.of("school", S)),
                Set.of(elsewhere.id));
        assertThat(mainTeacher.leads(elsewhere)).isFalse();
        assertThat(mainTeacher.canReadPupilsOf(elsewhere)).isFalse();
    }

    @Test
    void aClassesClaimLeadsTheClassesItNamesAndNothingWithoutASchool() {
        // no school claim: no membership is looked up, the claim alone is read
        SchoolAccess mainTeacher = access(Roles.MAIN_TEACHER, Map.of("classes",
                List.of(ledClass.id.toString(), "3e B")));
        assertThat(mainTeacher.ledClasses()).containsExactly(ledClass.id);
        assertThat(mainTeacher.leads(ledClass)).isFalse();
        assertThat(mainTeacher.canReadPupilsOf(ledClass)).isFalse();
    }

    @Test
    void teachersAndRipreeReadEveryPupilOfTheirSchoolAndChangeNone() {
        for (String role : List.of(Roles.TEACHER, Roles.RIPREE)) {
            SchoolAccess staff = access(role, Map.of("school", S));
            assertThat(staff.canReadSchoolOrganisation(S)).isTrue();
            assertThat(staff.canReadAllPupilsOf(S)).isTrue();
            assertThat(staff.canRead(pupilOfOtherClass, otherClass)).isTrue();
            assertThat(staff.canManagePupilsOf(otherClass)).isFalse();
            assertThat(staff.canManageSchool(S)).isFalse();
            assertThat(staff.canReadAllPupilsOf(OTHER)).isFalse();
        }
    }

    @Test
    void aTerritorialReferentSeesTheFiguresOfTheirTerritoryAndNeverAName() {
        SchoolAccess referent = access(Roles.TERRITORY, Map.of("departments", List.of("59", "2a", "1")));
        assertThat(referent.departments()).containsExactly("59", "2A", "01");
        assertThat(referent.isTerritoryReferent()).isTrue();
        assertThat(referent.covers(school)).isTrue();
        assertThat(referent.covers(otherSchool)).isFalse();
        assertThat(referent.canReadFiguresOf(school)).isTrue();
        assertThat(referent.covers(bassin("dep-59", "lille", "59"))).isTrue();
        assertThat(referent.covers(bassin("dep-62", "lille", "62"))).isFalse();
        assertThat(referent.canRead(pupilOfLedClass, ledClass)).isFalse();
        assertThat(referent.canReadSchoolOrganisation(S)).isFalse();

        SchoolAccess academy = access(Roles.TERRITORY, Map.of("academy", "Lille"));
        assertThat(academy.covers(otherSchool)).isTrue();
        assertThat(academy.covers(bassin("dep-62", "lille", "62"))).isTrue();

        SchoolAccess coordinator = access(Roles.TERRITORY, Map.of("bassin", "lille-roubaix"));
        assertThat(coordinator.covers(school)).isTrue();
        assertThat(coordinator.covers(otherSchool)).isFalse();
        assertThat(coordinator.covers(bassin("lille-roubaix", "lille", null))).isTrue();
    }

    @Test
    void aPupilReadsTheirOwnRecordOnly() {
        SchoolAccess pupil = access(Roles.PUPIL, Map.of("sub", pupilOfLedClass.id.toString(), "school", S));
        assertThat(pupil.isThePupil(pupilOfLedClass)).isTrue();
        assertThat(pupil.canRead(pupilOfLedClass, ledClass)).isTrue();
        assertThat(pupil.canRead(pupilOfOtherClass, otherClass)).isFalse();
        assertThat(pupil.canManagePupilsOf(ledClass)).isFalse();
        assertThat(pupil.canReadSchoolOrganisation(S)).isFalse();
        assertThat(pupil.staffSchool()).isEmpty();
    }

    private static SchoolAccess access(String role, Map<String, Object> claims) {
        return SchoolAccess.of(caller(role, claims));
    }

    /** A caller whose token carries the role and the claims; {@code sub} defaults to a person id. */
    private static Caller caller(String role, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.putIfAbsent("sub", "person-1");
        all.put("groups", Set.of(role));
        all.put("raw_token", "token");
        return new Caller(new JsonWebToken() {
            @Override
            public String getName() {
                return (String) all.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) all.get(claimName);
            }
        });
    }

    private static School school(String uai, String department, String academy, String bassin) {
        School school = new School();
        school.uai = uai;
        school.departmentCode = department;
        school.academyCode = academy;
        school.bassinId = bassin;
        return school;
    }

    private static SchoolClass schoolClass(String uai) {
        SchoolClass schoolClass = new SchoolClass();
        schoolClass.id = UUID.randomUUID();
        schoolClass.uai = uai;
        return schoolClass;
    }

    private static Pupil pupil(SchoolClass schoolClass) {
        Pupil pupil = new Pupil();
        pupil.id = UUID.randomUUID();
        pupil.uai = schoolClass.uai;
        pupil.classId = schoolClass.id;
        return pupil;
    }

    private static Bassin bassin(String id, String academy, String department) {
        Bassin bassin = new Bassin();
        bassin.id = id;
        bassin.academyCode = academy;
        bassin.departmentCode = department;
        return bassin;
    }
}
