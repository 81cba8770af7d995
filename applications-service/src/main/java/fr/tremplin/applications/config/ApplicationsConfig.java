package fr.tremplin.applications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The service's rules that a campaign may tune ({@code tremplin.applications.*}). */
@ConfigMapping(prefix = "tremplin.applications")
public interface ApplicationsConfig {

    /** How many candidacies a pupil may have open (SUBMITTED, FORWARDED, ACCEPTED) at once. */
    @WithDefault("5")
    int maxOpenPerPupil();

    /** How long an ACCEPTED candidacy holds its seat before it expires unless the family confirms. */
    @WithDefault("P5D")
    Duration hold();

    /** How long a SUBMITTED (relay) or FORWARDED (host) candidacy may stay unanswered before it expires. */
    @WithDefault("P15D")
    Duration unanswered();

    /** How long a relay agent's claim on a batch of its queue lasts. */
    @WithDefault("PT5M")
    Duration claimLease();

    /** How long a family's signing link stays valid. */
    @WithDefault("P30D")
    Duration signingLinkValidity();

    /** How often the expiry timer runs ({@code off} to disable it, as the tests do: they run it themselves). */
    @WithDefault("1m")
    String expiryEvery();

    /** How many candidacies one expiry pass handles per transaction. */
    @WithDefault("200")
    int expiryBatchSize();

    /** Each relay's feed topic, {@code tremplin.relay.<relayId>.v1} (docs/APPLICATIONS.md "Feeds"). */
    RelayFeed relayFeed();

    interface RelayFeed {
        /** Partitions of a feed topic, at its creation (a candidacy's messages share one: its key). */
        @WithDefault("6")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** How often every registered relay's topic is checked (and created if missing); also at startup. */
        @WithDefault("10m")
        String checkEvery();
    }
}
