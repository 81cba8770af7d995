package fr.tremplin.gateway.edge;

import fr.tremplin.common.security.VerifiedTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The gateway's bearer-token parser: tremplin-common's {@link VerifiedTokens} (a token verified once, then recognised
 * until its deadline). tremplin-common is outside the gateway's bean discovery (application.properties), hence this
 * bean of its own.
 */
@Alternative
@Priority(1)
@Singleton
public class EdgeTokens extends VerifiedTokens {

    @Inject
    public EdgeTokens(JWTAuthContextInfo authContextInfo) {
        super(authContextInfo);
    }
}
