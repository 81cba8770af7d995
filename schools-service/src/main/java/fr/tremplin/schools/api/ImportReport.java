package fr.tremplin.schools.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * What an import of the open data did. {@code rejected}: rows skipped, one line each (file, line, reason);
 * {@code warnings}: rows loaded with something doubtful left out or corrected; {@code withoutCoordinates}: the
 * priority-education schools loaded without coordinates.
 */
public record ImportReport(String source, int repRows, int geoRows, int created, int updated, int unchanged,
                           List<String> withoutCoordinates, List<Line> rejected, List<Line> warnings,
                           List<String> bassinsCreated) {

    @Schema(name = "ImportReportLine")
    public record Line(String file, int line, String reason) {
    }
}
