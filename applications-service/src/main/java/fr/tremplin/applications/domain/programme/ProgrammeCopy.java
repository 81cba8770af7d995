package fr.tremplin.applications.domain.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * This service's copy of a programme's definition (an offer of kind PROGRAMME, issue 13), as last seen on
 * {@code tremplin.offers.v1}; written only by {@code service.OfferReadModel} with the offer's {@code OfferCopy}
 * (same id). The rest of the programme (weeks, seats per week, host) is the offer's.
 */
@Entity
@Table(name = "programme_copy")
public class ProgrammeCopy extends PanacheEntityBase {

    /** A service of the host and how many groups it welcomes a day. */
    public record Service(String id, String name, int dailyCapacityGroups) {
    }

    @Id
    @Column(name = "offer_id")
    public UUID offerId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "territory_departments")
    public String[] territoryDepartments = new String[0];
    @Column(name = "territory_bassin")
    public String territoryBassin;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "territory_uais")
    public String[] territoryUais = new String[0];
    @Column(name = "weight_rep_plus")
    public BigDecimal weightRepPlus;
    @Column(name = "weight_rep")
    public BigDecimal weightRep;
    @Column(name = "weight_none")
    public BigDecimal weightNone;
    @Column(name = "minimum_one_seat_per_school")
    public boolean minimumOneSeatPerSchool;
    @Column(name = "group_size")
    public int groupSize;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_ids")
    public String[] serviceIds = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_names")
    public String[] serviceNames = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_daily_capacities")
    public Integer[] serviceDailyCapacities = new Integer[0];

    public SeatAllocation.Weights weights() {
        return new SeatAllocation.Weights(weightRepPlus, weightRep, weightNone);
    }

    public List<String> departments() {
        return Arrays.asList(territoryDepartments);
    }

    public List<String> uais() {
        return Arrays.asList(territoryUais);
    }

    public List<Service> services() {
        List<Service> services = new ArrayList<>(serviceIds.length);
        for (int i = 0; i < serviceIds.length; i++) {
            services.add(new Service(serviceIds[i], serviceNames[i], serviceDailyCapacities[i]));
        }
        return services;
    }

    public void services(List<Service> services) {
        serviceIds = services.stream().map(Service::id).toArray(String[]::new);
        serviceNames = services.stream().map(Service::name).toArray(String[]::new);
        serviceDailyCapacities = services.stream().map(Service::dailyCapacityGroups).toArray(Integer[]::new);
    }
}
