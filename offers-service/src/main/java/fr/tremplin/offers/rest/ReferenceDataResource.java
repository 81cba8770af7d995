package fr.tremplin.offers.rest;

import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.PublicCaching;
import fr.tremplin.offers.domain.Ministry;
import fr.tremplin.offers.domain.Sector;
import fr.tremplin.offers.service.ReferenceDataImporter;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Sectors and ministries")
public class ReferenceDataResource {

    private final ReferenceDataImporter importer;

    public ReferenceDataResource(ReferenceDataImporter importer) {
        this.importer = importer;
    }

    @Schema(description = "An activity sector: its identifier (as operators send it) and its name")
    public record SectorView(String id, String name) {
    }

    @Schema(description = "A ministry public offers are tied to: its code (e.g. MINARM) and its name")
    public record MinistryView(String code, String name) {
    }

    @GET
    @Path("/sectors")
    @PublicCaching(maxAge = 3600)
    @PermitAll
    @Operation(summary = "The activity sectors (ONISEP), with the identifiers operators use",
            description = "Public: no token needed. Reference data, cached an hour (Cache-Control: public, max-age=3600).")
    public List<SectorView> sectors() {
        return Sector.<Sector>listAll(Sort.ascending("name")).stream().map(s -> new SectorView(s.id, s.name)).toList();
    }

    @GET
    @Path("/ministries")
    @PublicCaching(maxAge = 3600)
    @PermitAll
    @Operation(summary = "The ministries public offers are tied to",
            description = "Public: no token needed. Reference data, cached an hour (Cache-Control: public, max-age=3600).")
    public List<MinistryView> ministries() {
        return Ministry.<Ministry>listAll(Sort.ascending("code")).stream().map(m -> new MinistryView(m.code, m.name)).toList();
    }

    @POST
    @Path("/admin/reference-data/import")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Re-import sectors from the open-data folder",
            description = "Role: admin. Idempotent: a second run changes nothing; answers what was read, added and changed.")
    public ReferenceDataImporter.Report importReferenceData() {
        return importer.importAll();
    }
}
