package fr.tremplin.schools.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tremplin.schools")
public interface SchoolsConfig {

    /** The most pupils one class list upload may hold (a class rarely has more than 30). */
    @WithDefault("200")
    int classListMaxRows();
}
