package fr.tremplin.schools.rest;

import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.MultipartBodies;
import fr.tremplin.schools.api.ImportReport;
import fr.tremplin.schools.api.SchoolRequest;
import fr.tremplin.schools.api.SchoolView;
import fr.tremplin.schools.service.SchoolImporter;
import fr.tremplin.schools.service.SchoolService;
import fr.tremplin.schools.service.SchoolYearRollover;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

@Path("/api/v1/admin/schools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Schools administration", description = "Open-data import, manual registration, school-year rollover")
public class AdminSchoolResource {

    private final SchoolImporter importer;
    private final SchoolService schools;
    private final SchoolYearRollover rollover;
    private final Caller caller;

    /**
     * One path, two Java methods (no body, or a multipart upload): the OpenAPI document shows them as one operation,
     * so both carry the same words and the same optional multipart body.
     */
    static final String IMPORT_DESCRIPTION = "Role: admin. Without a body, reads rep-colleges-2022.csv and "
            + "colleges-geo.csv from the server's open-data folder; with a multipart/form-data body, reads the uploaded "
            + "pair instead (parts rep and geo, same formats, UTF-8). Idempotent: a second run changes and emits nothing. "
            + "Rejected rows are reported one per line. defaultBassins=true also creates one pôle de stages per "
            + "département for the schools without a bassin.";
    static final String DEFAULT_BASSINS = "true: also create one pôle de stages per département for the schools without a bassin";

    @Schema(name = "SchoolImportUpload", description = "The two open-data files, uploaded")
    public record SchoolImportUpload(
            @Schema(type = SchemaType.STRING, format = "binary", description = "The REP / REP+ list (rep-colleges-2022.csv format)") String rep,
            @Schema(type = SchemaType.STRING, format = "binary", description = "The collèges' geolocation (colleges-geo.csv format)") String geo) {
    }

    public AdminSchoolResource(SchoolImporter importer, SchoolService schools, SchoolYearRollover rollover,
                               Caller caller) {
        this.importer = importer;
        this.schools = schools;
        this.rollover = rollover;
        this.caller = caller;
    }

    @POST
    @Path("/import")
    @Operation(summary = "Import the collèges: from the open-data folder, or from an uploaded pair of files",
            description = IMPORT_DESCRIPTION)
    @RequestBody(required = false, description = "None: the files of the server's data folder. multipart/form-data: "
            + "the uploaded pair (parts rep and geo)", content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = SchoolImportUpload.class)))
    @APIResponse(responseCode = "200", description = "The import report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "An uploaded file lacks a column")
    @APIResponse(responseCode = "503", description = "The data folder lacks the files")
    public ImportReport importDataDir(@Parameter(description = DEFAULT_BASSINS) @QueryParam("defaultBassins") boolean defaultBassins) {
        return importer.importDataDir(caller, defaultBassins);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import the collèges: from the open-data folder, or from an uploaded pair of files",
            description = IMPORT_DESCRIPTION)
    @RequestBody(required = false, description = "None: the files of the server's data folder. multipart/form-data: "
            + "the uploaded pair (parts rep and geo)", content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = SchoolImportUpload.class)))
    @APIResponse(responseCode = "200", description = "The import report", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "422", description = "An uploaded file lacks a column")
    @APIResponse(responseCode = "503", description = "The data folder lacks the files")
    public ImportReport importUpload(@RestForm("rep") FileUpload rep, @RestForm("geo") FileUpload geo,
                                     @RestForm(FileUpload.ALL) List<FileUpload> parts,
                                     @Parameter(description = DEFAULT_BASSINS) @QueryParam("defaultBassins") boolean defaultBassins) {
        MultipartBodies.requireNamed(parts);
        if (rep == null || geo == null) {
            throw ProblemException.badRequest("send both parts: 'rep' (the REP / REP+ list) and 'geo' (geolocation)");
        }
        try (Reader repReader = Files.newBufferedReader(rep.uploadedFile(), StandardCharsets.UTF_8);
             Reader geoReader = Files.newBufferedReader(geo.uploadedFile(), StandardCharsets.UTF_8)) {
            return importer.importFiles(caller, "upload", repReader, geoReader, defaultBassins);
        } catch (IOException e) {
            throw ProblemException.badRequest("the uploaded files cannot be read as UTF-8 text");
        }
    }

    @PUT
    @Path("/{uai}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register or correct a school by hand", description = "Role: admin. Emits school.registered "
            + "or, when something changed, school.updated.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "200", description = "Updated (or unchanged)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "422", description = "Unknown département")
    public Response put(@PathParam("uai") String uai, @NotNull @Valid SchoolRequest request) {
        SchoolService.Saved saved = schools.put(caller, uai, request);
        SchoolView school = saved.school();
        return saved.created() ? Response.created(URI.create("/api/v1/schools/" + uai)).entity(school).build()
                : Response.ok(school).build();
    }

    @POST
    @Path("/school-years/{year}/rollover")
    @Operation(summary = "Anonymise the pupils of an ended school year", description = "Role: admin. Every pupil "
            + "of that year is erased (pupil.erased each) and only anonymous counts remain. Idempotent.")
    @APIResponse(responseCode = "422", description = "The school year has not ended")
    @APIResponse(responseCode = "200", description = "What the rollover erased and kept (counts only)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolYearRollover.Report.class)))
    public SchoolYearRollover.Report rollover(@Parameter(description = "The ended school year, e.g. 2025-2026") @PathParam("year") String year) {
        return rollover.rollover(caller, year);
    }
}
