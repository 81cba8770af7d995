package fr.tremplin.offers.rest;

import fr.tremplin.common.security.Roles;
import fr.tremplin.offers.api.StatisticsRebuildReport;
import fr.tremplin.offers.service.StatisticsRebuild;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "The statistics projection, folded from events")
public class StatisticsAdminResource {

    private final StatisticsRebuild rebuild;

    public StatisticsAdminResource(StatisticsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Recompute the statistics from the beginning of the topics",
            description = "Role: admin. Replays the offers, applications and schools topics from their beginning "
                    + "(synchronous; 409 while another rebuild runs).")
    public StatisticsRebuildReport rebuild() {
        return rebuild.rebuild();
    }
}
