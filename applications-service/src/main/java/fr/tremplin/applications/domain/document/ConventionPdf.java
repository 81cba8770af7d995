package fr.tremplin.applications.domain.document;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;

/**
 * The agreement as a PDF (Apache PDFBox): the parties, the week and its daily hours, the activities, the legal text
 * ({@link ConventionText}) and the signatures block, each signature with the signer's role, the name they gave, the
 * time (Paris) and the SHA-256 of the document they signed.
 * <p>
 * Deterministic: the same {@link Convention} gives the same bytes, so that the SHA-256 recorded with a signature
 * names the document the signer read. Nothing of the moment of rendering goes in: the metadata's dates are the
 * agreement's creation and its last signature, the trailer's /ID is derived from the agreement's id (PDFBox would
 * otherwise draw it from the clock), no producer version. The text is set in Helvetica, one of the standard 14
 * fonts, in WinAnsiEncoding, which holds every French letter (é è à ç ô œ « »…); a character it lacks (a name
 * written in another alphabet) is printed without its accents, else as {@code ?}.
 */
public final class ConventionPdf {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Locale FRENCH = Locale.FRENCH;
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", FRENCH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'h' mm", FRENCH);
    private static final String MISSING = "à compléter";

    private static final float MARGIN = 50;
    private static final float BODY = 9.5f;
    private static final float LEADING = 1.35f;

    private ConventionPdf() {
    }

    /** The SHA-256 of a document, in lower-case hex: what a signature records. */
    public static String sha256(byte[] document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] render(Convention c) {
        try (PDDocument document = new PDDocument()) {
            Writer w = new Writer(document);
            w.text(ConventionText.TITLE.toUpperCase(FRENCH), w.bold, 13, 0);
            w.text(ConventionText.SUBTITLE, w.bold, 11, 0);
            w.text("Convention n° " + c.agreementId() + ", établie le " + SHORT_DATE.format(c.createdAt().atZone(PARIS)),
                    w.regular, 8, 0);
            w.space(6);
            for (String ground : ConventionText.GROUNDS) {
                w.text(ground, w.regular, BODY, 0);
            }

            w.heading("Les parties");
            Convention.School school = c.school();
            w.labelled("L'établissement d'enseignement", or(school.name()) + " (UAI " + school.uai() + ")"
                    + (school.city() == null ? "" : ", " + school.city()) + ", représenté par son chef d'établissement"
                    + signerName(c.signatures().principal()) + ".");
            Convention.Host host = c.host();
            w.labelled("L'organisme d'accueil", or(host.organisationName())
                    + (host.city() == null ? "" : ", " + host.city()) + ", représenté par son responsable"
                    + signerName(c.signatures().host()) + ".");
            w.labelled("Le tuteur de l'élève", host.tutorName() == null ? MISSING
                    : host.tutorName() + (host.tutorFunction() == null ? "" : ", " + host.tutorFunction()) + ".");
            w.labelled("L'élève", or(c.pupil().name()) + ", élève de troisième de l'établissement ci-dessus.");
            w.labelled("Son représentant légal", or(c.pupil().legalRepresentativeName()) + ".");

            w.heading("La séquence d'observation");
            Convention.Week week = c.week();
            w.labelled("Intitulé", or(host.offerTitle()));
            w.labelled("Période", "du " + LONG_DATE.format(week.monday()) + " au " + LONG_DATE.format(week.friday())
                    + " (semaine " + week.isoWeek() + ").");
            w.text("Horaires journaliers :", w.bold, BODY, 0);
            if (week.dailyHours().isEmpty()) {
                w.text(MISSING, w.regular, BODY, 12);
            }
            Duration total = Duration.ZERO;
            for (DailyHours day : week.dailyHours()) {
                LocalDate date = week.monday().plusDays(day.day().getValue() - DayOfWeek.MONDAY.getValue());
                w.text(capitalised(LONG_DATE.format(date)) + " : de " + hm(day.start()) + " à " + hm(day.end())
                        + (day.breakMinutes() == 0 ? "" : ", pause de " + day.breakMinutes() + " min")
                        + ", soit " + DailyHours.hours(day.presence()) + " de présence.", w.regular, BODY, 12);
                total = total.plus(day.presence());
            }
            if (!week.dailyHours().isEmpty()) {
                w.text("Total de la semaine : " + DailyHours.hours(total) + ".", w.regular, BODY, 12);
            }
            w.text("Activités prévues :", w.bold, BODY, 0);
            for (String line : or(week.activities()).split("\\R")) {
                w.text(line, w.regular, BODY, 12);
            }

            w.heading("Clauses");
            for (ConventionText.Article article : ConventionText.ARTICLES) {
                w.text(article.title(), w.bold, BODY, 0);
                w.text(article.text(), w.regular, BODY, 0);
                w.space(3);
            }

            w.heading("Signatures");
            w.signature("Pour l'établissement d'enseignement, le chef d'établissement", c.signatures().principal());
            w.signature("Pour l'organisme d'accueil, son responsable", c.signatures().host());
            w.signature("Le représentant légal de l'élève", c.signatures().legalRepresentative());
            w.close();

            metadata(document, c);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dates and /ID from the agreement, never from the clock: the same content, the same bytes. */
    private static void metadata(PDDocument document, Convention c) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(ConventionText.TITLE + " – semaine " + c.week().isoWeek());
        info.setCreator("Tremplin");
        info.setProducer("Tremplin");
        info.setCreationDate(calendar(c.createdAt()));
        Instant modified = Stream.of(c.signatures().principal(), c.signatures().host(),
                        c.signatures().legalRepresentative())
                .filter(s -> s != null).map(Convention.Signature::at).max(Instant::compareTo).orElse(c.createdAt());
        info.setModificationDate(calendar(modified));
        document.setDocumentInformation(info);
        byte[] id = new byte[16];
        System.arraycopy(sha256Bytes(c.agreementId().toString()), 0, id, 0, 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(instant.toEpochMilli() / 1000 * 1000);
        return calendar;
    }

    private static byte[] sha256Bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ", Jeanne Dupré" once the party signed under a name; nothing before. */
    private static String signerName(Convention.Signature signature) {
        return signature == null || signature.name() == null ? "" : ", " + signature.name();
    }

    private static String or(String value) {
        return value == null || value.isBlank() ? MISSING : value;
    }

    private static String hm(java.time.LocalTime time) {
        return TIME.format(time);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Lays text out on A4 pages, top to bottom, wrapping at the margins and starting pages as needed. */
    private static final class Writer {

        final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;
        private int pages;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void heading(String text) throws IOException {
            space(8);
            text(text.toUpperCase(FRENCH), bold, 10.5f, 0);
            space(2);
        }

        void labelled(String label, String value) throws IOException {
            text(label + " : " + value, regular, BODY, 0);
        }

        void signature(String role, Convention.Signature signature) throws IOException {
            space(4);
            text(role, bold, BODY, 0);
            if (signature == null) {
                text("Non signé à ce jour.", regular, BODY, 12);
                return;
            }
            var at = signature.at().atZone(PARIS);
            text("Signé électroniquement" + (signature.name() == null ? "" : " par " + signature.name()) + " le " + SHORT_DATE.format(at) + " à "
                    + TIME.format(at) + " (heure de Paris).", regular, BODY, 12);
            text("Empreinte SHA-256 du document signé : " + signature.documentSha256(), regular, 7.5f, 12);
        }

        void space(float points) {
            y -= points;
        }

        /** One paragraph: words wrapped at the right margin; {@code indent} points from the left one. */
        void text(String paragraph, PDFont font, float size, float indent) throws IOException {
            String clean = printable(font, paragraph.replace('\t', ' '));
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : clean.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && width(font, size, candidate) > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            for (String l : lines) {
                if (y - size * LEADING < MARGIN + 20) {
                    newPage();
                }
                y -= size * LEADING;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + indent, y);
                stream.showText(l);
                stream.endText();
            }
        }

        void close() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            pages++;
            stream = new PDPageContentStream(document, page);
            stream.beginText();
            stream.setFont(regular, 7);
            stream.newLineAtOffset(MARGIN, MARGIN - 10);
            stream.showText("Convention de stage d'observation – page " + pages);
            stream.endText();
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** What the font can write: each character as is, else without its accents, else {@code ?}. */
        private static String printable(PDFont font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
                if (encodes(font, ch)) {
                    out.append(ch);
                    return;
                }
                String bare = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(!bare.isEmpty() && encodes(font, bare) ? bare : "?");
            });
            return out.toString();
        }

        private static boolean encodes(PDFont font, String text) {
            try {
                font.encode(text);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
