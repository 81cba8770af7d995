package fr.tremplin.applications.domain.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The convention's PDF, read back with PDFBox's text extraction: what it holds, and the same bytes every time. */
class ConventionPdfTest {

    private static final UUID ID = UUID.fromString("7c1e4c9a-2f7d-4c55-9a55-0f0e8a3b2d11");
    private static final Instant CREATED = Instant.parse("2028-01-10T08:30:00Z");

    static Convention convention(Convention.Signatures signatures) {
        List<DailyHours> hours = List.of(
                new DailyHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0), 60),
                new DailyHours(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), 0));
        return new Convention(ID, CREATED,
                new Convention.School("0590001A", "Collège Jean Jaurès", "Lille"),
                new Convention.Host("Atelier du Nord", "Roubaix", "Découverte de l'ébénisterie", "Claire Martin",
                        "Cheffe d'atelier"),
                new Convention.Pupil("Léa Français", "Françoise Œuvray"),
                new Convention.Week("2028-W05", LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 4), hours,
                        "Accueil, sécurité à l'atelier\nObservation du façonnage"),
                signatures);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines wrap where the layout wants: compare words, not lines
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void holdsThePartiesTheWeekTheClausesAndTheSignaturesInFrench() throws IOException {
        Convention.Signature principal = new Convention.Signature(Instant.parse("2028-01-11T09:15:00Z"),
                "Jeanne Dupré", "ab".repeat(32));
        String text = text(ConventionPdf.render(convention(new Convention.Signatures(principal, null, null))));

        assertThat(text).contains("CONVENTION DE STAGE D'OBSERVATION EN MILIEU PROFESSIONNEL",
                "pour les élèves de classe de troisième", "Convention n° " + ID,
                "Collège Jean Jaurès (UAI 0590001A), Lille, représenté par son chef d'établissement, Jeanne Dupré",
                "Atelier du Nord, Roubaix", "Claire Martin, Cheffe d'atelier", "Léa Français",
                "Son représentant légal : Françoise Œuvray",
                "du lundi 31 janvier 2028 au vendredi 4 février 2028 (semaine 2028-W05)",
                "Lundi 31 janvier 2028 : de 09 h 00 à 17 h 00, pause de 60 min, soit 7 h de présence.",
                "Mardi 1 février 2028 : de 09 h 00 à 12 h 00, soit 3 h de présence.",
                "Total de la semaine : 10 h.", "Accueil, sécurité à l'atelier", "Observation du façonnage",
                "L. 332-3-1", "D. 332-14", "responsabilité civile", "aucune rémunération",
                "7 heures par jour ni 35 heures par semaine", "avant 6 heures ni après 20 heures");
        assertThat(text)
                .contains("Signé électroniquement par Jeanne Dupré le 11/01/2028 à 10 h 15 (heure de Paris).")
                .contains("Empreinte SHA-256 du document signé : " + "ab".repeat(32))
                .contains("Pour l'organisme d'accueil, son responsable Non signé à ce jour.")
                .contains("Le représentant légal de l'élève Non signé à ce jour.");
    }

    @Test
    void theSameContentGivesTheSameBytesAndAnyChangeOthers() throws Exception {
        Convention convention = convention(new Convention.Signatures(null, null, null));
        byte[] first = ConventionPdf.render(convention);
        Thread.sleep(20);
        byte[] again = ConventionPdf.render(convention);
        assertThat(again).isEqualTo(first);
        assertThat(ConventionPdf.sha256(again)).isEqualTo(ConventionPdf.sha256(first)).hasSize(64);

        Convention other = new Convention(ID, CREATED, convention.school(), convention.host(), convention.pupil(),
                new Convention.Week("2028-W05", LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 4),
                        convention.week().dailyHours(), "Autre programme"), convention.signatures());
        assertThat(ConventionPdf.sha256(ConventionPdf.render(other))).isNotEqualTo(ConventionPdf.sha256(first));
    }

    @Test
    void missingDataIsMarkedToCompleteAndForeignLettersLoseOnlyTheirAccents() throws IOException {
        Convention bare = new Convention(ID, CREATED, new Convention.School("0590001A", null, null),
                new Convention.Host("Atelier du Nord", null, "Atelier", null, null),
                new Convention.Pupil("Nguyễn Łucja", null),
                new Convention.Week("2028-W05", LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 4), List.of(), null),
                new Convention.Signatures(null, null, null));
        String text = text(ConventionPdf.render(bare));
        assertThat(text).contains("L'établissement d'enseignement : à compléter (UAI 0590001A)",
                "Le tuteur de l'élève : à compléter", "Son représentant légal : à compléter.",
                "L'élève : Nguyen ?ucja");
    }
}
