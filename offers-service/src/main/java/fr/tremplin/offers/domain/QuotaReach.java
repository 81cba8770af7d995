package fr.tremplin.offers.domain;

import java.util.Map;
import java.util.Set;

/**
 * The quotas a caller may read: every one ({@code everything}), every code of some scopes ({@code wholeScopes}), and
 * single codes of others ({@code codes}). Built by {@code service/QuotaAccess}; the list query filters by it.
 */
public record QuotaReach(boolean everything, Set<QuotaScope> wholeScopes, Map<QuotaScope, Set<String>> codes) {

    public static final QuotaReach EVERYTHING = new QuotaReach(true, Set.of(), Map.of());

    public boolean includes(QuotaScope scope, String code) {
        return everything || wholeScopes.contains(scope) || codes.getOrDefault(scope, Set.of()).contains(code);
    }
}
