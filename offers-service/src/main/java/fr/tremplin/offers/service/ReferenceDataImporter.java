package fr.tremplin.offers.service;

import fr.tremplin.common.csv.CsvReader;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.offers.domain.Sector;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the sectors from {@code sectors.csv} (ONISEP list with the identifiers operators use), idempotently:
 * at start-up when the file is there, and on demand for an admin. Ministries come with the schema migration.
 */
@ApplicationScoped
public class ReferenceDataImporter {

    private static final Logger LOG = Logger.getLogger(ReferenceDataImporter.class);

    private final Path dataDir;

    /** The open-data folder: the repository's {@code data/} unless {@code TREMPLIN_DATA_DIR} names another. */
    public ReferenceDataImporter(@ConfigProperty(name = "tremplin.data-dir") Path dataDir) {
        this.dataDir = dataDir;
    }

    @Schema(name = "ReferenceDataImportReport")
    public record Report(int sectorsRead, int sectorsCreated, int sectorsUpdated, long ministries, List<String> rejected) {
    }

    void onStart(@Observes StartupEvent event) {
        if (Files.isReadable(sectorsFile())) {
            try {
                Report report = importAll();
                LOG.infof("reference data: %d sectors read, %d created, %d updated", report.sectorsRead(),
                        report.sectorsCreated(), report.sectorsUpdated());
            } catch (RuntimeException e) {
                // another instance starting at the same moment may have won the race; the data is there either way
                LOG.warnf("reference data import at start-up skipped: %s", e.getMessage());
            }
        } else {
            LOG.warnf("reference data: %s not found; sectors not loaded", sectorsFile());
        }
    }

    @Transactional
    public Report importAll() {
        Path file = sectorsFile();
        List<CsvReader.Row> rows;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = CsvReader.read(reader);
        } catch (IOException e) {
            throw new ProblemException(503, "Reference data unavailable", "cannot read " + file.getFileName(), null);
        }
        int created = 0;
        int updated = 0;
        List<String> rejected = new ArrayList<>();
        for (CsvReader.Row row : rows) {
            String id = row.get("uuid");
            String name = row.get("name");
            if (id == null || id.isEmpty() || name == null || name.isEmpty()) {
                rejected.add("line " + row.line() + ": missing uuid or name");
                continue;
            }
            Sector sector = Sector.findById(id);
            if (sector == null) {
                sector = new Sector();
                sector.id = id;
                sector.name = name;
                sector.persist();
                created++;
            } else if (!sector.name.equals(name)) {
                sector.name = name;
                updated++;
            }
        }
        return new Report(rows.size(), created, updated, fr.tremplin.offers.domain.Ministry.count(), rejected);
    }

    private Path sectorsFile() {
        return dataDir.resolve("sectors.csv");
    }
}
