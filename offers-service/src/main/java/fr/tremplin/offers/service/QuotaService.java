package fr.tremplin.offers.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.Versions;
import fr.tremplin.offers.api.QuotaChangeView;
import fr.tremplin.offers.api.QuotaRequest;
import fr.tremplin.offers.api.QuotaView;
import fr.tremplin.offers.domain.Ministry;
import fr.tremplin.offers.domain.Quota;
import fr.tremplin.offers.domain.QuotaScope;
import fr.tremplin.offers.repository.QuotaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;

import java.util.Optional;

/**
 * Targets per school year and scope (docs/OFFERS.md, "Quotas"): admins create and change them, each change recorded
 * in {@code quota_change} and the audit trail in its transaction; readers per {@link QuotaAccess}.
 */
@ApplicationScoped
public class QuotaService {

    /** What a PUT did: {@code created} answers 201, else 200. */
    public record Saved(QuotaView quota, boolean created) {
    }

    private final QuotaStore quotas;
    private final AuditTrail audit;
    private final Clock clock;

    public QuotaService(QuotaStore quotas, AuditTrail audit, Clock clock) {
        this.quotas = quotas;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates the target (no version needed) or changes it ({@code editedVersion}: the version the caller edited,
     * null when none was sent: 428; stale: 409). Same targets as now: nothing is written. Two creations at once:
     * PostgreSQL lets one insert; the other then finds the row and is judged as a change, 409 without a version.
     */
    @Transactional
    public Saved put(Caller caller, String schoolYear, String scopeText, String code, QuotaRequest request,
                     Integer editedVersion) {
        QuotaAccess.checkWrite(caller);
        QuotaRules.checkWritableSchoolYear(schoolYear, SchoolCalendar.schoolYearOf(LocalDate.now(clock)));
        QuotaScope scope = QuotaRules.scope(scopeText);
        QuotaRules.checkCode(scope, code, ministry -> Ministry.findById(ministry) != null);
        int deposited = request.deposited();
        int completed = request.completed();

        Optional<Quota> current = quotas.lock(schoolYear, scope, code);
        if (current.isEmpty()) {
            Optional<Quota> created = quotas.createIfAbsent(schoolYear, scope, code, deposited, completed, caller.id());
            if (created.isPresent()) {
                quotas.recordChange(null, created.get());
                audit.record(caller, "quota.created", "quota", key(created.get()), targets(created.get()));
                return new Saved(QuotaView.of(created.get()), true);
            }
            // a concurrent PUT created it after our look: it is committed now, lock it and judge this one as a change
            current = quotas.lock(schoolYear, scope, code);
            if (current.isEmpty()) {
                throw ProblemException.conflict("the quota changed while being written; retry");
            }
            if (editedVersion == null) {
                throw ProblemException.conflict("the quota was just created by another request (version "
                        + current.get().version() + "); reload it and retry with its version");
            }
        }
        Quota before = current.get();
        Versions.check("quota", before.version(), editedVersion);
        if (before.sameTargets(deposited, completed)) {
            return new Saved(QuotaView.of(before), false);
        }
        Quota after = quotas.change(before, deposited, completed, caller.id());
        quotas.recordChange(before, after);
        audit.record(caller, "quota.changed", "quota", key(after), targets(after));
        return new Saved(QuotaView.of(after), false);
    }

    @Transactional
    public QuotaView get(Caller caller, String schoolYear, String scopeText, String code) {
        return QuotaView.of(readable(caller, schoolYear, scopeText, code));
    }

    /** The targets of a school year the caller may read, optionally of one scope; by scope, then code. */
    @Transactional
    public Page<QuotaView> list(Caller caller, String schoolYear, String scopeText, PageParams page) {
        if (schoolYear == null) {
            throw ProblemException.invalid("schoolYear", "is required (a school year such as 2026-2027)");
        }
        QuotaRules.checkSchoolYear(schoolYear);
        QuotaScope scope = scopeText == null ? null : QuotaRules.scope(scopeText);
        return quotas.list(schoolYear, scope, QuotaAccess.reach(caller), page).map(QuotaView::of);
    }

    /** Who changed the target, when, from what to what: newest first. */
    @Transactional
    public Page<QuotaChangeView> history(Caller caller, String schoolYear, String scopeText, String code,
                                         PageParams page) {
        Quota quota = readable(caller, schoolYear, scopeText, code);
        return quotas.history(quota.schoolYear(), quota.scope(), quota.code(), page).map(QuotaChangeView::of);
    }

    private Quota readable(Caller caller, String schoolYear, String scopeText, String code) {
        QuotaRules.checkSchoolYear(schoolYear);
        QuotaScope scope = QuotaRules.scope(scopeText);
        QuotaAccess.checkRead(caller, scope, code);
        return quotas.find(schoolYear, scope, code).orElseThrow(() -> ProblemException.notFound(
                "no " + scope + " quota " + code + " for " + schoolYear));
    }

    private static String key(Quota quota) {
        return quota.schoolYear() + "/" + quota.scope() + "/" + quota.code();
    }

    private static String targets(Quota quota) {
        return "deposited=" + quota.deposited() + " completed=" + quota.completed() + " version=" + quota.version();
    }
}
