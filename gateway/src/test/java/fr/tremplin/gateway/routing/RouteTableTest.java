package fr.tremplin.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void prefixes_match_whole_segments() {
        assertThat(RouteTable.resolve("/api/v1/offers").map(RouteTable.Route::service)).contains(Service.OFFERS);
        assertThat(RouteTable.resolve("/api/v1/offers/").map(RouteTable.Route::service)).contains(Service.OFFERS);
        assertThat(RouteTable.resolve("/api/v1/offers/o-1/weeks").map(RouteTable.Route::service)).contains(Service.OFFERS);
        assertThat(RouteTable.resolve("/api/v1/offersx")).isEmpty();
        assertThat(RouteTable.resolve("/api/v1")).isEmpty();
        assertThat(RouteTable.resolve(null)).isEmpty();
    }

    @Test
    void the_admin_area_is_split_between_services() {
        assertThat(RouteTable.resolve("/api/v1/admin/reference-data/sectors").map(RouteTable.Route::service)).contains(Service.OFFERS);
        assertThat(RouteTable.resolve("/api/v1/admin/statistics/rebuild").map(RouteTable.Route::service)).contains(Service.OFFERS);
        assertThat(RouteTable.resolve("/api/v1/admin/schools/0590001A").map(RouteTable.Route::service)).contains(Service.SCHOOLS);
        assertThat(RouteTable.resolve("/api/v1/admin/relays")).isEmpty();
    }

    @Test
    void a_programme_is_offers_service_s_and_who_goes_to_it_applications_service_s() {
        assertThat(RouteTable.resolve("/api/v1/programmes").map(RouteTable.Route::service)).contains(Service.OFFERS);
        assertThat(RouteTable.resolve("/api/v1/programmes/p-1").map(RouteTable.Route::service)).contains(Service.OFFERS);
        assertThat(RouteTable.resolve("/api/v1/programmes/p-1/allocation/schools/0630001A"))
                .contains(new RouteTable.Route("/api/v1/programmes/*/allocation", Service.APPLICATIONS));
        assertThat(RouteTable.resolve("/api/v1/programmes/p-1/nominations").map(RouteTable.Route::service)).contains(Service.APPLICATIONS);
        assertThat(RouteTable.resolve("/api/v1/programmes/p-1/weeks/2028-W05/plan").map(RouteTable.Route::service)).contains(Service.APPLICATIONS);
        assertThat(RouteTable.resolve("/api/v1/programmes/p-1/bilan").map(RouteTable.Route::service)).contains(Service.APPLICATIONS);
        // the wildcard is one whole, non-empty segment
        assertThat(RouteTable.resolve("/api/v1/programmes//allocation").map(RouteTable.Route::service)).contains(Service.OFFERS);
        assertThat(RouteTable.resolve("/api/v1/programmes/p-1/allocations").map(RouteTable.Route::service)).contains(Service.OFFERS);
    }

    @Test
    void emails_are_applications_service_s() {
        assertThat(RouteTable.resolve("/api/v1/notifications").map(RouteTable.Route::service)).contains(Service.APPLICATIONS);
        assertThat(RouteTable.resolve("/api/v1/notifications/n-1/resend").map(RouteTable.Route::service)).contains(Service.APPLICATIONS);
        assertThat(RouteTable.resolve("/api/v1/notification-contacts/hosts/o-1").map(RouteTable.Route::service))
                .contains(Service.APPLICATIONS);
        assertThat(RouteTable.resolve("/api/v1/notificationsx")).isEmpty();
    }

    @Test
    void every_service_has_routes() {
        assertThat(RouteTable.prefixes()).hasSize(29);
        assertThat(RouteTable.prefixes().values()).contains(Service.values());
    }

    @Test
    void upstream_addresses_are_parsed_once() {
        UpstreamAddress plain = UpstreamAddress.of(URI.create("http://offers-service:8081"));
        assertThat(plain).isEqualTo(new UpstreamAddress("offers-service", 8081, false, ""));
        assertThat(plain.uri("/api/v1/offers?x=1")).isEqualTo("/api/v1/offers?x=1");

        UpstreamAddress behindPath = UpstreamAddress.of(URI.create("https://internal.test/schools/"));
        assertThat(behindPath).isEqualTo(new UpstreamAddress("internal.test", 443, true, "/schools"));
        assertThat(behindPath.uri("/api/v1/pupils")).isEqualTo("/schools/api/v1/pupils");
    }
}
