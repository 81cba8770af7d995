package fr.tremplin.gateway.support;

import java.util.Map;

/** The origins bin/platform gives the gateway by default: a front-end's local dev servers. */
public class DevServerCorsProfile extends GatewayTestProfile {

    public static final String VITE = "http://localhost:5173";
    public static final String REACT = "http://localhost:3000";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.cors.origins", VITE + "," + REACT);
    }
}
