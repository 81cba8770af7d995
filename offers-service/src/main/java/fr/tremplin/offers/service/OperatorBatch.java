package fr.tremplin.offers.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.tremplin.common.persistence.LostRaces;
import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.offers.api.OfferRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Up to 500 operator offers in one call; each item is validated and written on its own, and answered alone. */
@ApplicationScoped
public class OperatorBatch {

    public static final int MAX_ITEMS = 500;
    private static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    private final OperatorIngestion ingestion;
    private final Validator validator;

    public OperatorBatch(OperatorIngestion ingestion, Validator validator) {
        this.ingestion = ingestion;
        this.validator = validator;
    }

    @Schema(name = "OperatorBatchRequest")
    public record Request(List<Item> offers) {
    }

    @Schema(name = "OperatorBatchItem")
    public record Item(String externalRef, OfferRequest offer) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OperatorBatchItemResult")
    public record ItemResult(int index, String externalRef, int status, UUID offerId, Problem problem) {
    }

    @Schema(name = "OperatorBatchResult")
    public record Result(int created, int replaced, int failed, List<ItemResult> items) {
    }

    /** Not transactional itself: one bad item never undoes the others. */
    public Result apply(Caller caller, Request request) {
        List<ItemResult> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int created = 0;
        int replaced = 0;
        for (int index = 0; index < request.offers().size(); index++) {
            Item item = request.offers().get(index);
            String ref = item == null ? null : item.externalRef();
            try {
                check(item, seen);
                OperatorIngestion.Upserted upserted = put(caller, ref, item.offer());
                if (upserted.created()) {
                    created++;
                } else {
                    replaced++;
                }
                results.add(new ItemResult(index, ref, upserted.created() ? 201 : 200, upserted.offer().id(), null));
            } catch (ProblemException e) {
                results.add(new ItemResult(index, ref, e.status(), null, e.toProblem()));
            }
        }
        return new Result(created, replaced, results.size() - created - replaced, results);
    }

    /** One item in its own transaction, run again when it lost a race (as a PUT is). */
    private OperatorIngestion.Upserted put(Caller caller, String ref, OfferRequest offer) {
        AtomicReference<OperatorIngestion.Upserted> upserted = new AtomicReference<>();
        LostRaces.retry("operator batch item", () -> upserted.set(ingestion.put(caller, ref, offer)));
        return upserted.get();
    }

    private void check(Item item, Set<String> seen) {
        if (item == null || item.offer() == null) {
            throw ProblemException.invalid("offer", "is required");
        }
        if (item.externalRef() == null || !REF.matcher(item.externalRef()).matches()) {
            throw ProblemException.invalid("externalRef", "must be 1 to 100 letters, digits or . _ : -");
        }
        if (!seen.add(item.externalRef())) {
            throw ProblemException.invalid("externalRef", "appears twice in this batch");
        }
        Set<ConstraintViolation<OfferRequest>> violations = validator.validate(item.offer());
        if (!violations.isEmpty()) {
            List<Problem.Violation> list = violations.stream()
                    .map(v -> new Problem.Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.Violation::field)).toList();
            String detail = list.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(400, "Invalid request", detail, list);
        }
    }

}
