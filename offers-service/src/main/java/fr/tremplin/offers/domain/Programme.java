package fr.tremplin.offers.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a collective programme adds to its offer (same id, the offer's kind is PROGRAMME): the schools it is open to
 * (départements, a bassin or UAIs: exactly one), the weight of each school priority in the sharing of seats, whether
 * every school gets at least one seat, the group size, the services visited and the plan of the week. The seats per
 * week and the weeks are the offer's.
 */
@Entity
public class Programme extends PanacheEntityBase {
    @Id
    @Column(name = "offer_id")
    public UUID offerId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "territory_departments")
    public String[] departments = new String[0];
    @Column(name = "territory_bassin")
    public String bassin;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "territory_uais")
    public String[] uais = new String[0];
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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_service", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderColumn(name = "position")
    public List<HostService> services = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_day", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderColumn(name = "position")
    public List<ProgrammeDay> days = new ArrayList<>();
}
